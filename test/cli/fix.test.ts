/** `--fix` and `--fix-unsafe`: the exact bytes written back, and what the report says remains. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARDENED_DAEMON_JSON, runCli, tempWorkspace } from './harness';

const DAEMON = 'etc/docker/daemon.json';
const ICC_TRUE = HARDENED_DAEMON_JSON.replace('"icc": false', '"icc": true');

function rulesIn(stdout: string): string[] {
  return (JSON.parse(stdout).findings as { rule: string }[]).map((f) => f.rule);
}

describe('--fix', () => {
  it('applies safe fixes, writes the file and reports what remains', () => {
    const ws = tempWorkspace({ [DAEMON]: '{\n  "debug": false,\n  "icc": true,\n}\n' });
    const run = runCli(['lint', '--fix', '--format', 'json', '.'], ws);
    assert.equal(readFileSync(join(ws, DAEMON), 'utf8'), '{\n  "debug": false,\n  "icc": true\n}\n');
    assert.ok(!rulesIn(run.stdout).includes('DG007'), 'the trailing comma is gone from the report');
    assert.ok(rulesIn(run.stdout).includes('DG103'), 'the unsafe icc fix is not applied by --fix');
  });

  it('says what it fixed in each file, above the summary of the text formats', () => {
    const files = { [DAEMON]: '{\n  "icc": false,\n  "debug": false,\n}\n', 'a/etc/docker/daemon.json': '{"icc": false,}\n', 'b/etc/docker/daemon.json': HARDENED_DAEMON_JSON };
    const text = runCli(['lint', '--fix', '--fail-on', 'never', '.'], tempWorkspace(files));
    assert.match(text.stdout, /\n\nFixed 1 problem in a\/etc\/docker\/daemon\.json\nFixed 1 problem in etc\/docker\/daemon\.json\n\n3 files linted against dockerd 29\.7: fixed 2 problems in 2 files; 0 errors, /);
    assert.equal(text.stderr, '');
    const concise = runCli(['lint', '--fix', '--format', 'concise', '--fail-on', 'never', '.'], tempWorkspace(files));
    assert.match(concise.stdout, /\)\nFixed 1 problem in a\/etc\/docker\/daemon\.json\nFixed 1 problem in etc\/docker\/daemon\.json\n3 files linted against dockerd 29\.7: fixed 2 problems in 2 files; 0 errors, /);
    const json = runCli(['lint', '--fix', '--format', 'json', '--fail-on', 'never', '.'], tempWorkspace(files));
    assert.equal(json.stderr, '', 'a format for tools says only what its format says');
    assert.equal(JSON.parse(json.stdout).files, 3);
    const nothing = runCli(['lint', '--fix', '--fail-on', 'never', '.'], tempWorkspace({ [DAEMON]: HARDENED_DAEMON_JSON }));
    assert.equal(nothing.stdout, '1 file linted against dockerd 29.7: no problems\n', 'nothing fixed, nothing said');
    const diff = runCli(['lint', '--fix', '--diff', '.'], tempWorkspace(files));
    assert.doesNotMatch(diff.stdout + diff.stderr, /Fixed/, '--diff writes nothing, so it fixed nothing');
  });

  it('keeps a UTF-8 BOM and CRLF line endings', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const ws = tempWorkspace({ [DAEMON]: Buffer.concat([bom, Buffer.from('{\r\n  "icc": false,\r\n}\r\n')]) });
    runCli(['lint', '--fix', '.'], ws);
    assert.deepEqual(readFileSync(join(ws, DAEMON)), Buffer.concat([bom, Buffer.from('{\r\n  "icc": false\r\n}\r\n')]));
  });

  it('keeps UTF-16LE with its BOM', () => {
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const ws = tempWorkspace({ [DAEMON]: utf16('{"icc": false,}') });
    runCli(['lint', '--fix', '.'], ws);
    assert.deepEqual(readFileSync(join(ws, DAEMON)), utf16('{"icc": false}'));
  });

  it('leaves a file without safe fixes byte for byte as it was, and says so in the summary', () => {
    const ws = tempWorkspace({ [DAEMON]: ICC_TRUE });
    const run = runCli(['lint', '--fix', '.'], ws);
    assert.equal(readFileSync(join(ws, DAEMON), 'utf8'), ICC_TRUE);
    assert.match(run.stdout, /^1 file linted against dockerd 29\.7: 0 errors, 1 warning, 0 info \(1 fixable with --fix-unsafe\)$/m);
  });

  it('never writes a file it could not decode', () => {
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x2c]);
    const ws = tempWorkspace({ [DAEMON]: Buffer.concat([Buffer.from([0x80]), bytes]) });
    const run = runCli(['lint', '--fix-unsafe', '--format', 'json', '.'], ws);
    assert.deepEqual(readFileSync(join(ws, DAEMON)), Buffer.concat([Buffer.from([0x80]), bytes]));
    assert.deepEqual(rulesIn(run.stdout), ['DG001']);
    assert.equal(run.code, 1);
  });
});

describe('--fix-unsafe', () => {
  it('also applies the hardening fixes and reports no problem left', () => {
    const ws = tempWorkspace({ [DAEMON]: ICC_TRUE });
    const run = runCli(['lint', '--fix-unsafe', '.'], ws);
    assert.equal(readFileSync(join(ws, DAEMON), 'utf8'), HARDENED_DAEMON_JSON);
    assert.equal(run.stdout, 'Fixed 1 problem in etc/docker/daemon.json\n\n1 file linted against dockerd 29.7: fixed 1 problem in 1 file; no problems\n');
    assert.equal(run.code, 0);
  });

  it('adds missing settings with the file\'s own indentation', () => {
    const ws = tempWorkspace({ [DAEMON]: HARDENED_DAEMON_JSON.replace('  "live-restore": true,\n', '') });
    runCli(['lint', '--fix-unsafe', '.'], ws);
    const fixed = JSON.parse(readFileSync(join(ws, DAEMON), 'utf8'));
    assert.equal(fixed['live-restore'], true);
    assert.match(readFileSync(join(ws, DAEMON), 'utf8'), /\n {2}"live-restore": true/);
  });
});

describe('fixes that write another file', () => {
  const VENDOR = 'lib/systemd/system/docker.service';
  const UNIT = '[Unit]\nDescription=Docker\n\n[Service]\nType=notify\nExecStart=/usr/bin/dockerd -H fd:// --icc=true\n';

  it('--fix-unsafe applies what it counts: a drop-in beside the vendor unit and a new daemon.json, in one run', () => {
    const ws = tempWorkspace({ [VENDOR]: UNIT });
    const before = runCli(['lint', '--fail-on', 'never', '.'], ws);
    assert.match(before.stdout, /\(5 fixable with --fix-unsafe\)\n$/);
    const run = runCli(['lint', '--fix-unsafe', '.'], ws);
    assert.equal(
      run.stdout,
      'Fixed 4 problems in etc/docker/daemon.json\nFixed 1 problem in etc/systemd/system/docker.service.d/override.conf\n\n3 files linted against dockerd 29.7: fixed 5 problems in 2 files; no problems\n',
      'the drop-in counts the fix its vendor unit\'s finding wrote there',
    );
    assert.equal(readFileSync(join(ws, VENDOR), 'utf8'), UNIT, 'the vendor unit stays as shipped');
    assert.equal(readFileSync(join(ws, 'etc/systemd/system/docker.service.d/override.conf'), 'utf8'), '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --icc=false\n');
    assert.equal(readFileSync(join(ws, DAEMON), 'utf8'), '{\n  "userland-proxy": false,\n  "live-restore": true,\n  "log-opts": {\n    "max-size": "10m",\n    "max-file": "3"\n  },\n  "ip": "127.0.0.1"\n}\n');
    assert.equal(runCli(['lint', '--fix-unsafe', '.'], ws).stdout, '3 files linted against dockerd 29.7: no problems\n', 'a second run changes nothing');
  });
});

describe('--fix on the config', () => {
  it('removes the overrides entries, or the rules of an entry, that suppress nothing (DG009), leaving a valid config', () => {
    const config = [
      'overrides:',
      '  - files: [etc/docker/daemon.json]',
      '    rules: [DG103, DG104]',
      '    reason: the hosts link containers',
      '  - files: [old/daemon.json]',
      '    rules: [DG103]',
      '',
    ].join('\n');
    const ws = tempWorkspace({ '.git/HEAD': '', '.dockguard.yaml': config, [DAEMON]: ICC_TRUE });
    assert.match(runCli(['lint', '--fail-on', 'never', '.'], ws).stdout, /\(2 fixable with --fix\)\n$/);
    const run = runCli(['lint', '--fix', '.'], ws);
    assert.equal(run.stdout, 'Fixed 2 problems in .dockguard.yaml\n\n1 file linted against dockerd 29.7: fixed 2 problems in 1 file; no problems\n');
    assert.equal(readFileSync(join(ws, '.dockguard.yaml'), 'utf8'), 'overrides:\n  - files: [etc/docker/daemon.json]\n    rules: [DG103]\n    reason: the hosts link containers\n');
    assert.equal(runCli(['lint', '--fix', '.'], ws).stdout, '1 file linted against dockerd 29.7: no problems\n', 'a second run changes nothing, and DG103 stays suppressed');
  });
});
