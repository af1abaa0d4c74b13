/** `dockguard lint`: output formats, exit codes, --fail-on and --kind, as a user running it sees them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { version } from '../../package.json';
import { run, wantsColour } from '../../server/src/cli/main';
import { HARDENED_DAEMON_JSON, matchSnapshot, runCli, tempWorkspace } from './harness';
import { REGISTRY } from '../../server/src/registry';

const ICC_TRUE = HARDENED_DAEMON_JSON.replace('"icc": false', '"icc": true');
const TRAILING_COMMA = HARDENED_DAEMON_JSON.replace('"overlay2"\n}', '"overlay2",\n}');
const ICC_MESSAGE = '"icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2).';

describe('dockguard lint on examples/', () => {
  it('prints the text report and exits 0 with --fail-on never (npm start)', () => {
    const run = runCli(['lint', '--fail-on', 'never', 'examples']);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    matchSnapshot('examples.txt', run.stdout);
  });

  it('prints one line per finding with --format concise', () => {
    const run = runCli(['lint', '--format', 'concise', '--fail-on', 'never', 'examples']);
    assert.equal(run.code, 0);
    matchSnapshot('examples-concise.txt', run.stdout);
  });

  it('prints the JSON report', () => {
    const run = runCli(['lint', '--format', 'json', '--fail-on', 'never', 'examples']);
    assert.equal(run.code, 0);
    matchSnapshot('examples.json', run.stdout);
  });

  it('reports nothing on the hardened host, even with every rule on', () => {
    const run = runCli(['lint', '--profile', 'all', 'examples/hardened-host']);
    assert.equal(run.stdout, '5 files linted against dockerd 29.7: no problems\n');
    assert.equal(run.code, 0);
  });
});

describe('output formats', () => {
  it('text: findings under their file, position, severity, rule and fix, then the message; then a summary', () => {
    const ws = tempWorkspace({ 'etc/docker/daemon.json': ICC_TRUE, 'other/etc/docker/daemon.json': TRAILING_COMMA });
    const run = runCli(['lint', '.'], ws);
    assert.equal(run.stdout, [
      'etc/docker/daemon.json',
      '  2:3  warning  DG103 inter-container-communication (fixable with --fix-unsafe)',
      `                ${ICC_MESSAGE}`,
      '',
      'other/etc/docker/daemon.json',
      '  14:31  error    DG007 comment-in-daemon-json (fixable with --fix)',
      '                  Invalid daemon.json: trailing comma: dockerd parses daemon.json as strict JSON and refuses to start.',
      '',
      '2 files linted against dockerd 29.7: 1 error, 1 warning, 0 info (1 fixable with --fix, 1 more with --fix-unsafe)',
      '',
    ].join('\n'));
  });

  it('concise: one compiler-style line per finding with the rule name and fix marker, then the summary', () => {
    const ws = tempWorkspace({ 'etc/docker/daemon.json': ICC_TRUE });
    const run = runCli(['lint', '--format', 'concise', '.'], ws);
    assert.equal(run.stdout, [
      `etc/docker/daemon.json:2:3 warning DG103 ${ICC_MESSAGE} [inter-container-communication] (fixable with --fix-unsafe)`,
      '1 file linted against dockerd 29.7: 0 errors, 1 warning, 0 info (1 fixable with --fix-unsafe)',
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
    'empty/README.md': 'no daemon.json here\n',
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
    ['no command', [], 'dockguard: missing command: lint or host (see dockguard --help)\n'],
    ['an unknown command', ['check', 'clean'], "dockguard: unknown command 'check' (the commands are lint and host) (see dockguard --help)\n"],
    ['a bad --format', ['lint', '--format', 'xml', 'clean'], "dockguard: --format must be one of text, concise, json, sarif, github, gitlab (got 'xml') (see dockguard --help)\n"],
    ['a bad --fail-on', ['lint', '--fail-on', 'fatal', 'clean'], "dockguard: --fail-on must be one of error, warning, info, never (got 'fatal') (see dockguard --help)\n"],
    ['a bad --profile', ['lint', '--profile', 'paranoid', 'clean'], "dockguard: --profile must be one of recommended, strict, all (got 'paranoid') (see dockguard --help)\n"],
    ['a bad --docker-version', ['lint', '--docker-version', '29', 'clean'], "dockguard: --docker-version must be MAJOR.MINOR (got '29') (see dockguard --help)\n"],
    ['an unknown option', ['lint', '--colour', 'clean'], 'dockguard: unknown option --colour (see dockguard --help)\n'],
    ['a misspelt option', ['lint', '--fromat', 'json', 'clean'], 'dockguard: unknown option --fromat; did you mean --format? (see dockguard --help)\n'],
    ['an unknown short option', ['lint', '-x', 'clean'], 'dockguard: unknown option -x (see dockguard --help)\n'],
    ['an option without its value', ['lint', 'clean', '--format'], 'dockguard: --format needs a value: text|concise|json|sarif|github|gitlab (see dockguard --help)\n'],
    ['an option followed by another', ['lint', '--config', '--fix', 'clean'], 'dockguard: --config needs a value: FILE (see dockguard --help)\n'],
    ['a value given to a switch', ['lint', '--fix=yes', 'clean'], "dockguard: --fix takes no value (got 'yes') (see dockguard --help)\n"],
    ['a folder without a file to lint', ['lint', 'clean', 'empty'], 'dockguard: no daemon-json, systemd, compose or audit file in empty; --no-error-on-unmatched-pattern allows that (see dockguard --help)\n'],
    ['a folder without a file of --kind', ['lint', '--kind', 'systemd', 'clean', 'warning'], 'dockguard: no systemd file in clean, warning; --no-error-on-unmatched-pattern allows that (see dockguard --help)\n'],
  ];
  for (const [what, args, stderr] of usageErrors) {
    it(`2 with a one-line reason for ${what}`, () => {
      const run = runCli(args, ws);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, stderr);
      assert.equal(run.stdout, '');
    });
  }

  it('--no-error-on-unmatched-pattern lints what there is, and an empty run passes', () => {
    const some = runCli(['lint', '--no-error-on-unmatched-pattern', 'clean', 'empty'], ws);
    assert.deepEqual([some.code, some.stdout], [0, '1 file linted against dockerd 29.7: no problems\n']);
    const none = runCli(['lint', '--no-error-on-unmatched-pattern', 'empty'], ws);
    assert.deepEqual([none.code, none.stdout, none.stderr], [0, '0 files linted: no problems\n', '']);
  });

  it('--help prints the usage and exits 0', () => {
    const run = runCli(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: dockguard lint \[options\] PATH\.\.\./);
    assert.equal(runCli(['lint', '-h']).stdout, run.stdout);
  });

  it('--version prints the version and exits 0', () => {
    const run = runCli(['--version']);
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, `dockguard ${version}\n`, '']);
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
    assert.equal(run.stdout, '1 file linted against dockerd 29.7: no problems\n');
  });

  it('an unknown kind is a usage error', () => {
    const run = runCli(['lint', '--kind', 'dockerfile', 'conf'], ws);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `dockguard: --kind must be one of ${REGISTRY.kinds.filter((kind) => kind.globs.length > 0 && !kind.context).map((kind) => kind.name).join(', ')} (got 'dockerfile') (see dockguard --help)\n`);
  });
});

describe('a conflict between two files', () => {
  const ws = tempWorkspace({
    'etc/docker/daemon.json': HARDENED_DAEMON_JSON.replace('{\n', '{\n  "hosts": ["unix:///var/run/docker.sock"],\n'),
    'etc/systemd/system/docker.service.d/override.conf': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd://\n',
  });
  const HOSTS_FILE_SIDE = '"hosts" is also set by the flag -H in override.conf: dockerd refuses to start ("the following directives are specified both as a flag and in the configuration file: hosts"); keep one of them.';
  const HOSTS_FLAG_SIDE = '-H sets "hosts", which daemon.json sets too: dockerd refuses to start ("the following directives are specified both as a flag and in the configuration file: hosts"); keep one of them.';

  it('text: is shown once, with where else it is, and counted once', () => {
    const run = runCli(['lint', '.'], ws);
    assert.equal(run.stdout, [
      'etc/docker/daemon.json',
      '  2:3  error    DG202 flag-and-file-conflict (fixable with --fix-unsafe)',
      `                ${HOSTS_FILE_SIDE}`,
      '                also at etc/systemd/system/docker.service.d/override.conf:3:28',
      '',
      '2 files linted against dockerd 29.7: 1 error, 0 warnings, 0 info (1 fixable with --fix-unsafe)',
      '',
    ].join('\n'));
    assert.equal(run.code, 1);
  });

  it('concise: has a line in each file, for problem matchers, and is counted once', () => {
    const run = runCli(['lint', '--format', 'concise', '.'], ws);
    assert.equal(run.stdout, [
      `etc/docker/daemon.json:2:3 error DG202 ${HOSTS_FILE_SIDE} [flag-and-file-conflict] (fixable with --fix-unsafe)`,
      `etc/systemd/system/docker.service.d/override.conf:3:28 error DG202 ${HOSTS_FLAG_SIDE} [flag-and-file-conflict] (fixable with --fix-unsafe)`,
      '2 files linted against dockerd 29.7: 1 error, 0 warnings, 0 info (1 fixable with --fix-unsafe)',
      '',
    ].join('\n'));
  });

  it('json keeps both findings', () => {
    const run = runCli(['lint', '--format', 'json', '.'], ws);
    assert.deepEqual(JSON.parse(run.stdout).findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`), [
      'etc/docker/daemon.json DG202',
      'etc/systemd/system/docker.service.d/override.conf DG202',
    ]);
  });
});

describe('the dockerd release judged', () => {
  it('--docker-version is named in the summary', () => {
    const ws = tempWorkspace({ 'etc/docker/daemon.json': HARDENED_DAEMON_JSON });
    assert.equal(runCli(['lint', '--docker-version', '20.10', '.'], ws).stdout, '1 file linted against dockerd 20.10: no problems\n');
  });

  it('config files that judge different releases are each named, with their file count', () => {
    const ws = tempWorkspace({
      'old/.dockguard.yaml': 'dockerVersion: "20.10"\n',
      'old/etc/docker/daemon.json': HARDENED_DAEMON_JSON,
      'new/etc/docker/daemon.json': HARDENED_DAEMON_JSON,
    });
    assert.equal(runCli(['lint', '.'], ws).stdout, '2 files linted against dockerd 20.10 (1 file), 29.7 (1 file): no problems\n');
  });
});

describe('colour', () => {
  const ws = tempWorkspace({ 'etc/docker/daemon.json': ICC_TRUE });

  it('is off when stdout is not a terminal, on with FORCE_COLOR, and never in the formats for tools', () => {
    assert.doesNotMatch(runCli(['lint', '.'], ws).stdout, /\u001b/);
    assert.equal(runCli(['lint', '.'], ws, { FORCE_COLOR: '1' }).stdout, [
      '\u001b[4metc/docker/daemon.json\u001b[0m',
      '  \u001b[2m2:3\u001b[0m  \u001b[33mwarning\u001b[0m  DG103 \u001b[2minter-container-communication\u001b[0m \u001b[2m(fixable with --fix-unsafe)\u001b[0m',
      `                ${ICC_MESSAGE}`,
      '',
      '\u001b[1m1 file linted against dockerd 29.7: 0 errors, 1 warning, 0 info (1 fixable with --fix-unsafe)\u001b[0m',
      '',
    ].join('\n'));
    for (const format of ['concise', 'json', 'sarif']) assert.doesNotMatch(runCli(['lint', '--format', format, '.'], ws, { FORCE_COLOR: '1' }).stdout, /\u001b/, format);
  });

  it('follows the terminal, NO_COLOR and FORCE_COLOR', () => {
    const cases: [boolean, NodeJS.ProcessEnv, boolean][] = [
      [true, {}, true],
      [false, {}, false],
      [true, { NO_COLOR: '1' }, false],
      [true, { NO_COLOR: '' }, true],
      [true, { TERM: 'dumb' }, false],
      [false, { FORCE_COLOR: '1' }, true],
      [false, { FORCE_COLOR: '' }, true],
      [true, { FORCE_COLOR: '0' }, false],
      [true, { FORCE_COLOR: 'false' }, false],
      [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ];
    for (const [isTTY, env, expected] of cases) assert.equal(wantsColour(isTTY, env), expected, `isTTY ${isTTY}, ${JSON.stringify(env)}`);
  });

  it('on a terminal, messages wrap under their indent at its width', () => {
    let stdout = '';
    const code = run(['lint', '.'], { out: (s) => (stdout += s), err: assert.fail, cwd: ws, isTTY: true, columns: 60, env: { NO_COLOR: '1' } });
    assert.equal(code, 0);
    assert.equal(stdout, [
      'etc/docker/daemon.json',
      '  2:3  warning  DG103 inter-container-communication (fixable with --fix-unsafe)',
      '                "icc" is true: containers on the default',
      '                bridge can reach each other; set it to false',
      '                and link containers explicitly (CIS 2.2).',
      '',
      '1 file linted against dockerd 29.7: 0 errors, 1 warning, 0 info (1 fixable with --fix-unsafe)',
      '',
    ].join('\n'));
  });
});

describe('a folder named on the command line inside a gitignored folder', () => {
  it('is linted, with only the .gitignore files inside it counting (the editor tests lint such copies)', () => {
    const ws = tempWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'out/\n', 'out/host/etc/docker/daemon.json': '{"icc": true}', 'out/host/.gitignore': 'skip/\n', 'out/host/skip/daemon.json': '{"icc": true}' });
    const inside = runCli(['lint', '--format', 'json', '--fail-on', 'never', '.'], join(ws, 'out/host'));
    assert.deepEqual((JSON.parse(inside.stdout).findings as { file: string; rule: string }[]).filter((f) => f.rule === 'DG103').map((f) => f.file), ['etc/docker/daemon.json']);
    assert.equal(runCli(['lint', '--fail-on', 'never', '.'], ws).code, 2, 'from the repository root the folder stays ignored');
  });
});
