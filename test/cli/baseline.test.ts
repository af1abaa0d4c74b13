/** A baseline: only new findings are reported, matched by fingerprint, so lines moving changes nothing. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { HARDENED_DAEMON_JSON, runCli, tempWorkspace } from './harness';

test('--baseline reports only the findings --write-baseline did not record, wherever the old ones moved', () => {
  const daemon = HARDENED_DAEMON_JSON.replace('"icc": false', '"icc": true');
  const ws = tempWorkspace({ '.git/HEAD': '', 'etc/docker/daemon.json': daemon });
  const first = runCli(['lint', '--format', 'concise', '--write-baseline', 'dockguard-baseline.json', '--fail-on', 'warning', '.'], ws);
  assert.equal(first.code, 1, 'writing a baseline reports as usual');
  const baseline = JSON.parse(readFileSync(join(ws, 'dockguard-baseline.json'), 'utf8'));
  assert.deepEqual(baseline.findings.map((f: { rule: string; file: string; line: number }) => `${f.file}:${f.line} ${f.rule}`), ['etc/docker/daemon.json:2 DG103']);
  const clean = runCli(['lint', '--baseline', 'dockguard-baseline.json', '--fail-on', 'warning', '--format', 'concise', '.'], ws);
  assert.deepEqual([clean.code, clean.stdout], [0, '1 file linted against dockerd 29.7: no problems\n']);
  writeFileSync(join(ws, 'etc/docker/daemon.json'), `\n\n${daemon.replace('"live-restore": true', '"live-restore": true, "debug": true')}`);
  const run = runCli(['lint', '--baseline', '../dockguard-baseline.json', '--fail-on', 'warning', '--format', 'json', '.'], join(ws, 'etc'));
  assert.deepEqual(JSON.parse(run.stdout).findings.map((f: { file: string; line: number; rule: string }) => `${f.file}:${f.line} ${f.rule}`), ['docker/daemon.json:7 DG109']);
  assert.equal(run.code, 1);
});

test('an unreadable baseline is a usage error', () => {
  const ws = tempWorkspace({ 'etc/docker/daemon.json': HARDENED_DAEMON_JSON, 'b.json': '{"version": 9}' });
  const run = runCli(['lint', '--baseline', 'b.json', '.'], ws);
  assert.deepEqual([run.code, run.stderr], [2, `dockguard: cannot read the baseline ${join(ws, 'b.json')}: not a version 1 dockguard baseline (see dockguard --help)\n`]);
});
