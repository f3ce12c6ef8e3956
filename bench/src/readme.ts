import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchReport } from './report';

const START = '<!-- bench:latest:start -->';
const END = '<!-- bench:latest:end -->';

/** Replaces the table between the markers in bench/README.md with the latest full run's. */
export function updateReadme(benchDir: string, report: BenchReport, table: string): void {
  const file = resolve(benchDir, 'README.md');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(START);
  const end = text.indexOf(END);
  if (at < 0 || end < 0) throw new Error(`${file} lacks the ${START} / ${END} markers`);
  const { machine } = report;
  const header = `Last full run: ${report.date.slice(0, 16).replace('T', ' ')} UTC, commit \`${report.commit}\`, ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${report.durationSeconds} s.`;
  writeFileSync(
    file,
    `${text.slice(0, at + START.length)}\n${header}\n\n${table}\n${text.slice(end)}`,
  );
  // Aligned as Biome formats Markdown, so the lint step of `pnpm test` accepts the new table.
  execFileSync('pnpm', ['exec', 'biome', 'format', '--write', file], { stdio: 'ignore' });
}
