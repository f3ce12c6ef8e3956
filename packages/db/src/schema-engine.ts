import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { startEmbeddedPostgres } from './embedded-postgres';

type SchemaEngine = engineBindings.SchemaEngine;

let ready: Promise<void> | undefined;

/**
 * Prisma's schema engine as WebAssembly: it computes migration SQL without the native engine,
 * which cannot be downloaded here. The package's own ESM `.wasm` import fails under Node 20,
 * so the module is instantiated by hand.
 */
function loadWasm(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = readFileSync(glue.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return ready;
}

/**
 * The engine insists on a live connection even for pure datamodel diffs, so it gets a throwaway
 * in-memory embedded PostgreSQL: nothing leaves the process and no server is needed.
 */
async function withEngine<T>(
  schema: string,
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const scratch = await startEmbeddedPostgres();
  const adapter = bindMigrationAwareSqlAdapterFactory(
    new PrismaPg({ connectionString: scratch.url }),
  );
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    adapter,
  );
  try {
    return await use(engine);
  } finally {
    engine.free();
    await scratch.stop();
  }
}

/** The SQL that takes a database from the `from` datamodel (or nothing) to the `to` datamodel. */
export function diffDatamodels(from: string | null, to: string): Promise<string> {
  return withEngine(to, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : datamodel(from),
      to: datamodel(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    } as Parameters<SchemaEngine['diff']>[0]);
    return result.stdout ?? '';
  });
}

function datamodel(content: string) {
  return { tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content }] };
}
