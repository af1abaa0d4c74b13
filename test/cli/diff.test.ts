/**
 * `--diff`: with `--fix-unsafe` on a copy of examples/, the unified diff it prints is exactly the
 * change `--fix-unsafe` then makes (patch -p1 turns one copy into the other), and it writes nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { REPO, runCli } from './harness';

function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

test('--diff --fix-unsafe prints what --fix-unsafe writes, and writes nothing', { skip: spawnSync('patch', ['--version']).status !== 0 ? 'no patch(1)' : undefined }, () => {
  const [diffed, fixed] = [0, 1].map(() => {
    const copy = mkdtempSync(join(tmpdir(), 'dockguard-diff-'));
    cpSync(join(REPO, 'examples'), copy, { recursive: true });
    return copy;
  });
  const original = snapshot(diffed);
  const run = runCli(['lint', '--diff', '--fix-unsafe', '.'], diffed);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /^--- a\/hardened-host\/|^--- a\/insecure-host\//);
  assert.deepEqual(snapshot(diffed), original, '--diff writes nothing');
  runCli(['lint', '--fix-unsafe', '--fail-on', 'never', '.'], fixed);
  const patched = spawnSync('patch', ['-p1', '-s', '-i', '-'], { cwd: diffed, input: run.stdout, encoding: 'utf8' });
  assert.equal(patched.status, 0, patched.stdout + patched.stderr);
  assert.deepEqual(snapshot(diffed), snapshot(fixed));
  assert.notDeepEqual(snapshot(fixed), original);
});

test('--diff without a fix flag is a usage error; with nothing to fix it prints nothing and exits 0', () => {
  const run = runCli(['lint', '--diff', 'examples/hardened-host']);
  assert.deepEqual([run.code, run.stderr], [2, 'dockguard: --diff needs --fix or --fix-unsafe (see dockguard --help)\n']);
  const clean = runCli(['lint', '--diff', '--fix', 'examples/hardened-host']);
  assert.deepEqual([clean.code, clean.stdout], [0, '']);
});
