/**
 * The package graph's rules, checked by `pnpm test` (`pnpm check:graph`): no import cycles,
 * and no package reaching up a layer. From the bottom: contracts and db; testing; core (the
 * domain); api (its adapters); client, plugin-sdk and create-plugin (what other programs
 * install); apps, e2e, bench and scripts on top.
 */
const layer = (name, below) => ({
  name: `${name}-reaches-up`,
  severity: 'error',
  comment: `packages/${name} may only use the layers below it`,
  // Tests may use the test kit (packages/testing) and whatever they test.
  from: { path: `^packages/${name}/src`, pathNot: '\\.test\\.tsx?$' },
  to: {
    path: '^(packages|apps)/',
    pathNot: [`^packages/${name}/`, ...below.map((pkg) => `^packages/${pkg}/`)],
  },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, directly or through others',
      from: {},
      to: { circular: true },
    },
    layer('contracts', []),
    layer('db', []),
    layer('testing', ['contracts', 'db']),
    layer('core', ['contracts', 'db']),
    layer('api', ['contracts', 'db', 'core']),
    layer('client', ['contracts', 'api']),
    layer('plugin-sdk', ['contracts']),
    layer('create-plugin', ['contracts']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '(^|/)generated/', '\\.next/', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
    combinedDependencies: true,
  },
};
