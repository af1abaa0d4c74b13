// Embeds docs/rules/DGnnn.md in the bundles (SARIF's rule help, fullDescription), so the CLI needs no
// docs folder beside it. Run by esbuild.mjs before bundling; also runnable alone.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'docs/rules');
const pages = {};
for (const name of readdirSync(folder).filter((n) => /^DG\d{3}\.md$/.test(n)).sort()) pages[name.slice(0, 5)] = readFileSync(join(folder, name), 'utf8');
const generated = join(root, 'server/src/schema/generated');
mkdirSync(generated, { recursive: true });
writeFileSync(join(generated, 'rule-docs.json'), `${JSON.stringify(pages)}\n`);
