/** CI integrations: `--format github` and `--format gitlab` exactly, and the pre-commit hook's file pattern. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { kindOfPath } from '../../server/src/engine/kind';
import { REGISTRY } from '../../server/src/registry';
import { HARDENED_DAEMON_JSON, REPO, runCli, tempWorkspace } from './harness';

const ws = tempWorkspace({ 'etc/docker/daemon.json': HARDENED_DAEMON_JSON.replace('"icc": false', '"icc": true').replace('"live-restore": true', '"live-restore": true, "debug": true') });

describe('CI formats', () => {
  it('--format github prints one workflow command per finding (info as notice)', () => {
    const run = runCli(['lint', '--format', 'github', '.'], ws);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, [
      '::warning file=etc/docker/daemon.json,line=2,col=3,endLine=2,endColumn=8,title=DG103 inter-container-communication::"icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2).',
      '::warning file=etc/docker/daemon.json,line=5,col=25,endLine=5,endColumn=32,title=DG109 log-level-not-info::"debug" is true: the daemon logs at debug level, with request details that can include secrets, whatever "log-level" says; remove it (CIS 2.3).',
      '',
    ].join('\n'));
  });

  it('--format gitlab prints a Code Quality report with fingerprints that survive lines moving', () => {
    const issues = JSON.parse(runCli(['lint', '--format', 'gitlab', '.'], ws).stdout);
    assert.deepEqual(issues.map((i: { fingerprint: string }) => ({ ...i, fingerprint: /^[0-9a-f]{32}$/.test(i.fingerprint) })), [
      { description: 'DG103 "icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2).', check_name: 'DG103', fingerprint: true, severity: 'major', location: { path: 'etc/docker/daemon.json', lines: { begin: 2, end: 2 } } },
      { description: 'DG109 "debug" is true: the daemon logs at debug level, with request details that can include secrets, whatever "log-level" says; remove it (CIS 2.3).', check_name: 'DG109', fingerprint: true, severity: 'major', location: { path: 'etc/docker/daemon.json', lines: { begin: 5, end: 5 } } },
    ]);
    const moved = tempWorkspace({ 'etc/docker/daemon.json': `\n\n${readFileSync(join(ws, 'etc/docker/daemon.json'), 'utf8')}` });
    const again = JSON.parse(runCli(['lint', '--format', 'gitlab', '.'], moved).stdout);
    assert.deepEqual(again.map((i: { fingerprint: string }) => i.fingerprint), issues.map((i: { fingerprint: string }) => i.fingerprint));
  });

  it('the pre-commit hook runs dockguard lint on exactly the files the kind table lints', () => {
    const [hook] = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.deepEqual([hook.id, hook.entry, hook.language], ['dockguard', 'dockguard lint', 'node']);
    const files = new RegExp(hook.files);
    const paths = [
      'etc/docker/daemon.json', 'hosts/a/docker-daemon.json', 'x/Daemon.JSON', 'daemon-gpu.json', 'lib/systemd/system/docker.service', 'x/docker.socket',
      'etc/systemd/system/docker.service.d/override.conf', 'etc/default/docker', 'etc/sysconfig/docker', 'docker.service.rpm',
      'compose.yaml', 'deploy/docker-compose.prod.yml', 'Compose.YML',
      'etc/audit/audit.rules', 'etc/audit/rules.d/docker.rules', 'x/audit-docker.rules',
      'package.json', 'etc/docker/key.json', 'etc/audit/auditd.conf', 'rules.d/x.rules', 'composer.json', 'deploy/values.yaml', 'etc/systemd/system/docker.service.d/notes.txt', 'etc/default/dockerd', 'README.md', '.dockguard.yaml',
    ];
    const walked = (path: string) => { const kind = kindOfPath(REGISTRY.kinds, path); return kind !== undefined && kind.walked !== false; };
    assert.deepEqual(paths.filter((p) => files.test(p)), paths.filter(walked));
  });
});
