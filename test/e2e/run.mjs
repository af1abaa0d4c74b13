// `npm run test:e2e [-- --screenshots]`: installs the editor tools if missing, packages the .vsix,
// then runs the VS Code and Neovim suites. `--screenshots` also rewrites docs/images/*.png.
// DOCKGUARD_E2E_CASES=compose.yaml,audit-rules runs only the cases of those kinds (test/e2e/cases.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureEditorTools } from './setup.mjs';

const REPO = resolve(import.meta.dirname, '../..');
const screenshots = process.argv.includes('--screenshots');

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: REPO, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureEditorTools();
run('npm', ['run', 'package']);
const { name, version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const vsix = join(REPO, `${name}-${version}.vsix`);
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', 'test/e2e/vscode.test.mjs', 'test/e2e/neovim.test.mjs'], {
  DOCKGUARD_E2E_VSIX: vsix,
  DOCKGUARD_E2E_SCREENSHOTS: screenshots ? '1' : '',
});
