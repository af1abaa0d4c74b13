/**
 * The same answer for one file: a file named on the command line is judged with the other files of
 * its machine (read, never reported), as the editor judges it with the workspace it sees.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { HARDENED_DAEMON_JSON, REPO, runCli, tempWorkspace } from './harness';

type Json = { files: number; findings: { file: string; line: number; column: number; rule: string }[] };
const lines = (json: Json, file: string) => json.findings.filter((f) => f.file === file).map((f) => `${f.line}:${f.column} ${f.rule}`);

test("a named daemon.json gets the findings its host's drop-in causes, and only its own", () => {
  const host = join(REPO, 'examples/insecure-host');
  const named = JSON.parse(runCli(['lint', '--format', 'json', '--fail-on', 'never', 'etc/docker/daemon.json'], host).stdout) as Json;
  const all = JSON.parse(runCli(['lint', '--format', 'json', '--fail-on', 'never', '.'], host).stdout) as Json;
  assert.equal(named.files, 1);
  assert.deepEqual(new Set(named.findings.map((f) => f.file)), new Set(['etc/docker/daemon.json']));
  assert.deepEqual(lines(named, 'etc/docker/daemon.json'), lines(all, 'etc/docker/daemon.json'));
  assert.ok(lines(named, 'etc/docker/daemon.json').some((l) => l.endsWith('DG202')), 'the -H and --icc of the drop-in conflict with daemon.json');
});

test('a loose daemon.json is judged with the unit beside it, not with files in other folders', () => {
  const ws = tempWorkspace({
    'daemon.json': HARDENED_DAEMON_JSON,
    'docker.service': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --icc=false\n',
    'other/docker.service': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --live-restore\n',
  });
  const named = JSON.parse(runCli(['lint', '--format', 'json', '--fail-on', 'never', 'daemon.json'], ws).stdout) as Json;
  assert.deepEqual(named.findings.map((f) => `${f.file} ${f.rule}`), ['daemon.json DG202']);
});

test("a named Compose file whose own path shows no host tree is judged with the daemon of the tree beside it (opt/app beside etc/docker)", () => {
  const host = join(REPO, 'examples/insecure-host');
  type Messages = { findings: { file: string; rule: string; message: string }[] };
  const messages = (json: Messages) => json.findings.filter((f) => f.file === 'opt/app/compose.yaml').map((f) => `${f.rule} ${f.message}`).sort();
  const named = JSON.parse(runCli(['lint', '--format', 'json', '--fail-on', 'never', 'opt/app/compose.yaml'], host).stdout) as Messages;
  const all = JSON.parse(runCli(['lint', '--format', 'json', '--fail-on', 'never', '.'], host).stdout) as Messages;
  assert.deepEqual(messages(named), messages(all));
  assert.ok(messages(named).some((m) => m.startsWith('DG312') && m.includes('the daemon it runs on does not turn "no-new-privileges" on')), 'DG312 speaks of the host\'s daemon');
});
