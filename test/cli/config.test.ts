/** `.dockguard.yaml`: the loader's answers, and what the CLI does with the file. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { kindOfPath } from '../../server/src/engine/kind';
import { findProjectConfig, loadProjectConfig } from '../../server/src/engine/project-config';
import { knownRuleIds } from '../../server/src/engine/registry';
import { REGISTRY } from '../../server/src/registry';

const RULE_IDS = knownRuleIds(REGISTRY);
import { HARDENED_DAEMON_JSON, runCli, tempWorkspace } from './harness';

const ICC_TRUE = HARDENED_DAEMON_JSON.replace('"icc": false', '"icc": true');
const NO_USERNS = HARDENED_DAEMON_JSON.replace('  "userns-remap": "default",\n', '');

describe('loadProjectConfig', () => {
  it('reads profile, dockerVersion, rules, ignore and overrides', () => {
    const text = 'profile: strict\ndockerVersion: 29.10\nrules:\n  DG103: off\n  DG112: error\nignore:\n  - "vendor/**"\n  - path: legacy/\n    reason: retired hosts\noverrides:\n  - files: [h1/etc/docker/daemon.json]\n    rules: [DG105]\n    reason: GPU nodes need experimental\n';
    const { config, problems } = loadProjectConfig(text, '/p/.dockguard.yaml', RULE_IDS);
    assert.deepEqual(problems, []);
    assert.deepEqual(config!.options, {
      profile: 'strict',
      dockerVersion: '29.10',
      rules: { DG103: 'off', DG112: 'error' },
      overrides: [{ config: '/p/.dockguard.yaml', entry: 0, base: '/p', files: ['h1/etc/docker/daemon.json'], rules: ['DG105'], reason: 'GPU nodes need experimental' }],
    });
    assert.deepEqual(config!.ignore.map(({ pattern, reason }) => ({ pattern, reason })), [{ pattern: 'vendor/**', reason: undefined }, { pattern: 'legacy/', reason: 'retired hosts' }]);
    assert.deepEqual(config!.overrides.map(({ files, rules, reason }) => ({ files, rules: rules.map((r) => r.value), reason })), [{ files: ['h1/etc/docker/daemon.json'], rules: ['DG105'], reason: 'GPU nodes need experimental' }]);
  });

  it('accepts the compose and audit keys the schema defines', () => {
    const text = 'compose:\n  files: ["deploy/*.yml"]\n  projects:\n    - name: web\n      files: [a.yml, b.yml]\naudit:\n  files: [rules/*.rules]\n  ignorePaths:\n    - path: /etc/default/docker/\n      reason: no such file on these hosts\n';
    const loaded = loadProjectConfig(text, '/p/.dockguard.yaml', RULE_IDS);
    assert.deepEqual([loaded.problems, (loaded.config?.options.settings?.audit as { ignorePaths: unknown } | undefined)?.ignorePaths], [[], [{ path: '/etc/default/docker', reason: 'no such file on these hosts' }]]);
    assert.deepEqual(loadProjectConfig('audit:\n  ignorePaths:\n    - path: etc/x\n      reason: " "\n', '/p/c', RULE_IDS).problems, [
      { line: 3, column: 13, message: 'each audit.ignorePaths entry is { path: /ABSOLUTE/PATH, reason: WHY } (the reason is required)' },
      { line: 4, column: 15, message: 'each audit.ignorePaths entry is { path: /ABSOLUTE/PATH, reason: WHY } (the reason is required)' },
    ]);
    assert.deepEqual(loadProjectConfig('compose:\n  file: x\n', '/p/c', RULE_IDS).problems, [{ line: 2, column: 3, message: "unknown key 'file' in compose (known keys: files, projects)" }]);
  });

  it('reads audit.ignorePaths, each path with its reason', () => {
    const text = 'audit:\n  ignorePaths:\n    - path: /usr/bin/containerd-shim-runc-v2/\n      reason: crun only\n    - path: usr/bin/runc\n      reason: x\n    - path: /usr/bin/runc\n';
    const result = loadProjectConfig(text, '/p/.dockguard.yaml', RULE_IDS);
    assert.deepEqual(result.problems.map((p) => [p.line, p.message]), [
      [5, 'each audit.ignorePaths entry is { path: /ABSOLUTE/PATH, reason: WHY } (the reason is required)'],
      [7, 'each audit.ignorePaths entry is { path: /ABSOLUTE/PATH, reason: WHY } (the reason is required)'],
    ]);
    const good = loadProjectConfig(text.split('    - path: usr')[0], '/p/.dockguard.yaml', RULE_IDS);
    assert.deepEqual(good.config?.options, { settings: { audit: { ignorePaths: [{ path: '/usr/bin/containerd-shim-runc-v2', reason: 'crun only' }] } } });
  });

  it('an empty file is an empty config', () => {
    assert.deepEqual(loadProjectConfig('# nothing yet\n', '/p/.dockguard.yaml', RULE_IDS), { config: { path: '/p/.dockguard.yaml', options: {}, ignore: [], overrides: [], machines: [], composeProjects: [], kindFiles: [] }, problems: [] });
  });

  it('compose.files and audit.files add files to those kinds, as .gitignore patterns relative to the config, after the kind table', () => {
    const { config } = loadProjectConfig('compose:\n  files: [deploy/stack.yml, "stacks/**", "!stacks/README.md"]\naudit:\n  files: ["*.audit"]\n', '/p/.dockguard.yaml', RULE_IDS);
    assert.deepEqual(config?.kindFiles, [{ kind: 'compose', patterns: ['deploy/stack.yml', 'stacks/**', '!stacks/README.md'] }, { kind: 'audit', patterns: ['*.audit'] }]);
    const kindOf = (path: string) => kindOfPath(REGISTRY.kinds, path, config?.addedFiles)?.name;
    assert.deepEqual(
      ['/p/deploy/stack.yml', '/p/stacks/a/web.yml', '/p/stacks/README.md', '/p/x/security/docker.audit', '/p/other/stack.yml', '/elsewhere/deploy/stack.yml', '/p/stacks/etc/docker/daemon.json'].map(kindOf),
      ['compose', 'compose', undefined, 'audit', undefined, undefined, 'daemon-json'],
    );
    assert.equal(kindOfPath(REGISTRY.kinds, '/p/deploy/stack.yml')?.name, undefined, 'without the config, a name the table does not know');
  });

  it('reports every problem with its 1-based line and column', () => {
    const result = loadProjectConfig('profile: paranoid\nrules:\n  DG999: off\n  DG103: loud\n  X1: off\nignore: vendor\nrule: {}\noverrides:\n  - files: [a]\n    rules: [DG103]\n    why: x\n', '/p/.dockguard.yaml', RULE_IDS);
    assert.deepEqual(result.problems, [
      { line: 1, column: 10, message: 'profile must be one of recommended, strict, all' },
      { line: 3, column: 3, message: "unknown rule 'DG999' (rule ids look like DG103)" },
      { line: 4, column: 10, message: 'DG103 must be one of off, error, warning, info' },
      { line: 5, column: 3, message: "unknown rule 'X1' (rule ids look like DG103)" },
      { line: 6, column: 9, message: 'ignore must be a list of globs (e.g. - "vendor/**")' },
      { line: 7, column: 1, message: "unknown key 'rule' (known keys: profile, dockerVersion, rules, ignore, overrides, machines, compose, audit)" },
      { line: 11, column: 5, message: "unknown key 'why' in overrides.0 (known keys: files, rules, reason)" },
    ]);
    assert.equal(result.config, undefined);
  });

  it('reports YAML syntax errors and a non-mapping root', () => {
    assert.deepEqual(loadProjectConfig('rules: [DG103\n', '/p/c', RULE_IDS).problems, [{ line: 2, column: 1, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' }]);
    assert.deepEqual(loadProjectConfig('- DG103\n', '/p/c', RULE_IDS).problems, [{ line: 1, column: 1, message: 'the config must be a mapping of profile, dockerVersion, rules, ignore, overrides, machines, compose and audit' }]);
    assert.deepEqual(loadProjectConfig('profile: strict\nprofile: all\n', '/p/c', RULE_IDS).problems, [{ line: 2, column: 1, message: 'Map keys must be unique' }]);
  });

  it('never throws on arbitrary text: it returns a config or problems', () => {
    const yamlish = fc.stringMatching(/^[a-zA-Z0-9:\-\[\]{}"'#&*!|>%@` \n\t.,]*$/);
    fc.assert(fc.property(fc.oneof(fc.string(), yamlish), (text) => {
      const result = loadProjectConfig(text, '/p/.dockguard.yaml', RULE_IDS);
      return result.config !== undefined ? result.problems.length === 0 : result.problems.length > 0;
    }), { numRuns: 500 });
  });

  it('finds the nearest config upward, stopping at the repository root or a workspace folder', () => {
    const present = new Set(['/repo/.dockguard.yaml', '/.dockguard.yaml', '/repo/sub/.git', '/ws/.git']);
    const exists = (p: string) => present.has(p);
    assert.equal(findProjectConfig('/repo/hosts/a/etc/docker', [], exists), '/repo/.dockguard.yaml');
    assert.equal(findProjectConfig('/repo/sub/x', [], exists), undefined, 'a nested repository is a root of its own');
    assert.equal(findProjectConfig('/repo/hosts', ['/repo/hosts'], exists), undefined, 'the workspace folder is the last folder searched');
    assert.equal(findProjectConfig('/elsewhere/x', [], exists), '/.dockguard.yaml', 'outside any repository the search goes to the root');
  });
});

describe('the CLI with .dockguard.yaml', () => {
  it('rules: off suppresses a rule (daemon.json has no comments to do it)', () => {
    const ws = tempWorkspace({ '.dockguard.yaml': 'rules:\n  DG103: off\n', 'etc/docker/daemon.json': ICC_TRUE });
    const run = runCli(['lint', '--fail-on', 'warning', '.'], ws);
    assert.equal(run.stdout, '1 file linted against dockerd 29.7: no problems\n');
    assert.equal(run.code, 0);
  });

  it('a severity override changes the reported severity and the exit code', () => {
    const ws = tempWorkspace({ '.dockguard.yaml': 'rules:\n  DG103: error\n', 'etc/docker/daemon.json': ICC_TRUE });
    const run = runCli(['lint', '--format', 'json', '.'], ws);
    assert.deepEqual(JSON.parse(run.stdout).findings.map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`), ['DG103 error']);
    assert.equal(run.code, 1);
  });

  it('ignore globs skip files in folder walks, but not a file named on the command line', () => {
    const ws = tempWorkspace({ '.dockguard.yaml': 'ignore:\n  - "legacy/**"\n', 'legacy/etc/docker/daemon.json': '{', 'etc/docker/daemon.json': HARDENED_DAEMON_JSON });
    assert.equal(runCli(['lint', '.'], ws).stdout, '1 file linted against dockerd 29.7: no problems\n');
    const named = runCli(['lint', '--format', 'concise', 'legacy/etc/docker/daemon.json'], ws);
    assert.equal(named.code, 1);
    assert.match(named.stdout, /^legacy\/etc\/docker\/daemon\.json:1:2 error DG001 /);
  });

  it('profile: strict adds the L2 rules; --profile on the command line wins', () => {
    const ws = tempWorkspace({ '.dockguard.yaml': 'profile: strict\n', 'etc/docker/daemon.json': NO_USERNS });
    const strict = runCli(['lint', '--format', 'json', '.'], ws);
    assert.deepEqual(JSON.parse(strict.stdout).findings.map((f: { rule: string; line: number }) => `${f.rule} ${f.line}`), ['DG110 1']);
    assert.equal(JSON.parse(runCli(['lint', '--format', 'json', '--profile', 'recommended', '.'], ws).stdout).findings.length, 0);
  });

  it('the nearest config wins, per linted file', () => {
    const ws = tempWorkspace({
      '.dockguard.yaml': 'rules:\n  DG103: off\n',
      'a/etc/docker/daemon.json': ICC_TRUE,
      'b/.dockguard.yaml': 'rules:\n  DG103: info\n',
      'b/etc/docker/daemon.json': ICC_TRUE,
    });
    const run = runCli(['lint', '--format', 'json', '.'], ws);
    assert.deepEqual(JSON.parse(run.stdout).findings.map((f: { file: string; severity: string }) => `${f.file} ${f.severity}`), ['b/etc/docker/daemon.json info']);
  });

  it('--config names the file to use instead of looking one up', () => {
    const ws = tempWorkspace({ '.dockguard.yaml': 'rules:\n  DG103: off\n', 'ci.yaml': 'rules:\n  DG103: error\n', 'etc/docker/daemon.json': ICC_TRUE });
    const run = runCli(['lint', '--format', 'concise', '--config', 'ci.yaml', '.'], ws);
    assert.equal(run.code, 1);
    assert.match(run.stdout, / error DG103 /);
  });

  it('an invalid config is a usage error naming the file, line and problem', () => {
    const ws = tempWorkspace({ '.dockguard.yaml': 'rules:\n  DG103: of\n', 'etc/docker/daemon.json': HARDENED_DAEMON_JSON });
    const run = runCli(['lint', '.'], ws);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'dockguard: invalid config .dockguard.yaml:2:10: DG103 must be one of off, error, warning, info (see dockguard --help)\n');
    assert.equal(runCli(['lint', '--config', join(ws, 'missing.yaml'), '.'], ws).code, 2);
  });

  it('run from a subfolder, the repository\'s config is used; the search stops at the repository root', () => {
    const ws = tempWorkspace({ '.dockguard.yaml': 'rules:\n  DG103: error\n', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/.dockguard.yaml': 'rules:\n  DG103: off\n', 'repo/hosts/a/etc/docker/daemon.json': ICC_TRUE });
    assert.equal(runCli(['lint', '--fail-on', 'warning', '.'], join(ws, 'repo/hosts/a')).stdout, '1 file linted against dockerd 29.7: no problems\n');
    rmSync(join(ws, 'repo/.dockguard.yaml'));
    const run = runCli(['lint', '--fail-on', 'warning', '--format', 'json', '.'], join(ws, 'repo/hosts/a'));
    assert.deepEqual(JSON.parse(run.stdout).findings.map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`), ['DG103 warning'], 'the config above the repository is not read');
  });

  it('command-line flags beat the file', () => {
    const ws = tempWorkspace({ '.git/HEAD': '', '.dockguard.yaml': 'profile: recommended\ndockerVersion: "20.10"\n', 'etc/docker/daemon.json': NO_USERNS });
    const run = runCli(['lint', '--format', 'json', '--profile', 'strict', '.'], ws);
    assert.deepEqual(JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule), ['DG110']);
  });

  it('.gitignore files are honoured in folder walks, nested and with negations', () => {
    const ws = tempWorkspace({
      '.git/HEAD': '',
      '.gitignore': 'build/\n*.bak.json\nhosts/\n!hosts/\nhosts/*/\n!hosts/keep/\n',
      'build/etc/docker/daemon.json': '{',
      'etc/docker/daemon.json': HARDENED_DAEMON_JSON,
      'etc/docker/daemon.bak.json': '{',
      'hosts/drop/etc/docker/daemon.json': '{',
      'hosts/keep/etc/docker/daemon.json': HARDENED_DAEMON_JSON,
      'hosts/keep/.gitignore': 'old/\n',
      'hosts/keep/old/daemon.json': '{',
      'sub/.gitignore': '!*.bak.json\n',
      'sub/etc/docker/daemon.bak.json': HARDENED_DAEMON_JSON,
    });
    const run = runCli(['lint', '--format', 'json', '.'], ws);
    assert.equal(run.stderr, '');
    assert.equal(JSON.parse(run.stdout).files, 3, 'etc/docker/daemon.json, hosts/keep/etc/docker/daemon.json and sub/etc/docker/daemon.bak.json');
    assert.equal(runCli(['lint', 'build/etc/docker/daemon.json'], ws).code, 1, 'a file named on the command line is always linted');
  });
});
