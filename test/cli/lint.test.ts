/** `dockguard lint`: output formats, exit codes, --fail-on and --kind, as a user running it sees them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { HARDENED_DAEMON_JSON, matchSnapshot, runCli, tempWorkspace } from './harness';
import { REGISTRY } from '../../server/src/registry';

const ICC_TRUE = HARDENED_DAEMON_JSON.replace('"icc": false', '"icc": true');
const ICC_MESSAGE = '"icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2).';

describe('dockguard lint on examples/', () => {
  it('prints the text report and exits 0 with --fail-on never (npm start)', () => {
    const run = runCli(['lint', '--fail-on', 'never', 'examples']);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    matchSnapshot('examples.txt', run.stdout);
  });

  it('prints the JSON report', () => {
    const run = runCli(['lint', '--format', 'json', '--fail-on', 'never', 'examples']);
    assert.equal(run.code, 0);
    matchSnapshot('examples.json', run.stdout);
  });

  it('reports nothing on the hardened host, even with every rule on', () => {
    const run = runCli(['lint', '--profile', 'all', 'examples/hardened-host']);
    assert.equal(run.stdout, '3 files linted: no problems\n');
    assert.equal(run.code, 0);
  });
});

describe('output formats', () => {
  it('text: one compiler-style line per finding with the rule name and fix marker, then a summary', () => {
    const ws = tempWorkspace({ 'etc/docker/daemon.json': ICC_TRUE });
    const run = runCli(['lint', '.'], ws);
    assert.equal(run.stdout, [
      `etc/docker/daemon.json:2:3 warning DG103 ${ICC_MESSAGE} [inter-container-communication] (fixable with --fix-unsafe)`,
      '1 file linted: 0 errors, 1 warning, 0 info (1 fixable with --fix-unsafe)',
      '',
    ].join('\n'));
  });

  it('json: version 1, the file count and each finding with 1-based positions, file relative to the cwd', () => {
    const ws = tempWorkspace({ 'host/etc/docker/daemon.json': ICC_TRUE, 'broken/daemon.json': '{"debug": true' });
    const run = runCli(['lint', '--format', 'json', 'host', 'broken'], ws);
    assert.deepEqual(JSON.parse(run.stdout), {
      version: 1,
      files: 2,
      findings: [
        { file: 'host/etc/docker/daemon.json', line: 2, column: 3, endLine: 2, endColumn: 8, rule: 'DG103', name: 'inter-container-communication', severity: 'warning', message: ICC_MESSAGE, fixable: true },
        { file: 'broken/daemon.json', line: 1, column: 15, endLine: 1, endColumn: 15, rule: 'DG001', name: 'syntax-error', severity: 'error', message: JSON.parse(run.stdout).findings[1].message, fixable: false },
      ],
    });
    assert.match(JSON.parse(run.stdout).findings[1].message, /expected ',' or '}'/);
  });

  it('paths outside the cwd are shown relative to it', () => {
    const ws = tempWorkspace({ 'a/daemon.json': '{', 'cwd/.keep': '' });
    const run = runCli(['lint', '--format', 'json', '../a/daemon.json'], join(ws, 'cwd'));
    assert.equal(JSON.parse(run.stdout).findings[0].file, '../a/daemon.json');
  });
});

describe('exit codes', () => {
  const ws = tempWorkspace({
    'syntax/daemon.json': '{"icc": false,,}',
    'warning/etc/docker/daemon.json': ICC_TRUE,
    'clean/etc/docker/daemon.json': HARDENED_DAEMON_JSON,
  });

  it('0 when nothing reaches --fail-on (default error), 1 when something does', () => {
    assert.equal(runCli(['lint', 'clean'], ws).code, 0);
    assert.equal(runCli(['lint', 'warning'], ws).code, 0);
    assert.equal(runCli(['lint', 'syntax'], ws).code, 1);
    assert.equal(runCli(['lint', 'syntax', 'clean'], ws).code, 1);
  });

  it('--fail-on warning and info fail on a warning; never never fails', () => {
    assert.equal(runCli(['lint', '--fail-on', 'warning', 'warning'], ws).code, 1);
    assert.equal(runCli(['lint', '--fail-on', 'info', 'warning'], ws).code, 1);
    assert.equal(runCli(['lint', '--fail-on', 'never', 'syntax'], ws).code, 0);
    assert.equal(runCli(['lint', '--fail-on', 'warning', 'clean'], ws).code, 0);
  });

  const usageErrors: [string, string[], string][] = [
    ['a missing path', ['lint', 'nowhere'], 'dockguard: no such file or directory: nowhere (see dockguard --help)\n'],
    ['no path', ['lint'], 'dockguard: no PATH given (see dockguard --help)\n'],
    ['no command', [], 'dockguard: missing command: lint (see dockguard --help)\n'],
    ['an unknown command', ['check', 'clean'], "dockguard: unknown command 'check' (the command is lint) (see dockguard --help)\n"],
    ['a bad --format', ['lint', '--format', 'xml', 'clean'], "dockguard: --format must be one of text, json, sarif (got 'xml') (see dockguard --help)\n"],
    ['a bad --fail-on', ['lint', '--fail-on', 'fatal', 'clean'], "dockguard: --fail-on must be one of error, warning, info, never (got 'fatal') (see dockguard --help)\n"],
    ['a bad --profile', ['lint', '--profile', 'paranoid', 'clean'], "dockguard: --profile must be one of recommended, strict, all (got 'paranoid') (see dockguard --help)\n"],
    ['a bad --docker-version', ['lint', '--docker-version', '29', 'clean'], "dockguard: --docker-version must be MAJOR.MINOR (got '29') (see dockguard --help)\n"],
  ];
  for (const [what, args, stderr] of usageErrors) {
    it(`2 with a one-line reason for ${what}`, () => {
      const run = runCli(args, ws);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, stderr);
      assert.equal(run.stdout, '');
    });
  }

  it('2 for an unknown option, on one line', () => {
    const run = runCli(['lint', '--colour', 'clean'], ws);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^dockguard: Unknown option '--colour'.*\n$/);
  });

  it('--help prints the usage and exits 0', () => {
    const run = runCli(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: dockguard lint \[options\] PATH\.\.\./);
  });
});

describe('--kind', () => {
  const ws = tempWorkspace({ 'conf/settings.json': '{"icc": true}', 'conf/etc/docker/daemon.json': HARDENED_DAEMON_JSON });

  it('a file whose name says no kind is a usage error without --kind', () => {
    const run = runCli(['lint', 'conf/settings.json'], ws);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'dockguard: cannot tell what kind of file conf/settings.json is; name it with --kind (see dockguard --help)\n');
  });

  it('--kind daemon-json lints a named file as daemon.json', () => {
    const run = runCli(['lint', '--kind', 'daemon-json', '--format', 'json', 'conf/settings.json'], ws);
    const findings = JSON.parse(run.stdout).findings as { file: string; rule: string; line: number; column: number }[];
    assert.deepEqual(findings.filter((f) => f.rule === 'DG103').map((f) => `${f.file}:${f.line}:${f.column}`), ['conf/settings.json:1:2']);
  });

  it('in a folder, only files whose names say a kind are linted (settings.json is not)', () => {
    const run = runCli(['lint', 'conf'], ws);
    assert.equal(run.stdout, '1 file linted: no problems\n');
  });

  it('an unknown kind is a usage error', () => {
    const run = runCli(['lint', '--kind', 'dockerfile', 'conf'], ws);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `dockguard: --kind must be one of ${REGISTRY.kinds.map((kind) => kind.name).join(', ')} (got 'dockerfile') (see dockguard --help)\n`);
  });
});

