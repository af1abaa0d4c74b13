// Bundles the CLI, the language server and the VS Code client. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
await import('./scripts/build-schema.mjs'); // the schema and its validator, before the bundles import them
await import('./scripts/build-rule-docs.mjs'); // the rule pages SARIF's help embeds

/** @type {esbuild.BuildOptions[]} */
const bundles = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
].filter((b) => existsSync(b.entryPoints[0]));

// 'module' first: jsonc-parser's UMD build hides its requires from the bundler.
const common = { bundle: true, mainFields: ['module', 'main'], platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, minify: !watch, logLevel: 'warning' };

if (watch) {
  for (const b of bundles) await (await esbuild.context({ ...common, ...b })).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b })));
}
