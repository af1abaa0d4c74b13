/**
 * `dockguard host --root DIR` on fixture roots, as a user sees it: the files systemd would load,
 * links resolved inside the root, masked units and shadowed drop-ins, and the DG5xx findings on
 * owners, modes, accounts and mounts, in text, JSON and SARIF, with exit codes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { buildCli, matchSnapshot, REPO as REPO_ROOT, runCli } from './harness';
import { run } from '../../server/src/cli/main';
import { withRules } from '../../server/src/engine/registry';
import { defineRule } from '../../server/src/engine/rule';
import { REGISTRY } from '../../server/src/registry';
import { buildRoot, dpkgStatus, HARDENED_FILES, NOT_ROOT, type RootSpec } from '../host/roots';

/** Runs `host --root .` in the root, so paths show as the host names them (below the root); the root's temp path reads `<root>`. */
function host(root: string, ...args: string[]) {
  const format = args.some((a) => a === '--format' || a === '--script') ? [] : ['--format', 'concise'];
  const run = runCli(['host', '--root', '.', ...format, ...args], root);
  return { ...run, stdout: run.stdout.split(root).join('<root>') };
}

const DEBUG_DROP_IN = '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock --debug\n';
const ICC_UNIT = '[Service]\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock --icc=true\n';

describe('dockguard host: finding the files where systemd loads them', () => {
  it('reports nothing on a hardened host and exits 0', () => {
    const run = host(buildRoot(), '--profile', 'all');
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, '7 files linted against dockerd 29.7: no problems\n');
    assert.equal(run.code, 0);
  });

  it('takes the first unit on the search path, and drop-ins from every folder with the earlier one of a name shadowing the later', () => {
    const root = buildRoot({
      files: {
        'etc/systemd/system/docker.service': HARDENED_FILES['lib/systemd/system/docker.service'],
        'lib/systemd/system/docker.service': ICC_UNIT,
        'etc/systemd/system/docker.service.d/50-flags.conf': '[Service]\nLimitNOFILE=1048576\n',
        'lib/systemd/system/docker.service.d/50-flags.conf': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --experimental\n',
        'usr/lib/systemd/system/docker.service.d/60-debug.conf': DEBUG_DROP_IN,
      },
    });
    const run = host(root, '--fail-on', 'never');
    assert.equal(run.stdout, [
      "note: lib/systemd/system/docker.service is not read: etc/systemd/system/docker.service comes first on systemd's path",
      "note: lib/systemd/system/docker.service.d/50-flags.conf is not read: etc/systemd/system/docker.service.d/50-flags.conf comes first on systemd's path",
      'usr/lib/systemd/system/docker.service.d/60-debug.conf:3:82 warning DG109 "debug" is true: the daemon logs at debug level, with request details that can include secrets, whatever "log-level" says; remove it (CIS 2.3). [log-level-not-info]',
      '9 files linted against dockerd 29.7: 0 errors, 1 warning, 0 info',
      '',
    ].join('\n'));
    assert.equal(run.code, 0);
  });

  it("follows systemd's whole load path: control and transient folders, generators, portable services, in their order", () => {
    // Each folder holds a docker.service of its own, which says where it is by an --icc flag only it sets.
    const order = ['etc/systemd/system.control', 'run/systemd/system.control', 'run/systemd/transient', 'run/systemd/generator.early', 'etc/systemd/system', 'etc/systemd/system.attached', 'run/systemd/system', 'run/systemd/system.attached', 'run/systemd/generator', 'usr/local/lib/systemd/system', 'usr/lib/systemd/system', 'lib/systemd/system', 'run/systemd/generator.late'];
    for (const [index, winner] of order.entries()) {
      const files: Record<string, string> = { 'lib/systemd/system/docker.service': null as unknown as string };
      for (const folder of order.slice(index)) files[`${folder}/docker.service`] = HARDENED_FILES['lib/systemd/system/docker.service'].replace('--containerd', `--label=from=${folder} --containerd`);
      const run = host(buildRoot({ files }), '--fail-on', 'never');
      const notes = run.stdout.split('\n').filter((line) => line.startsWith('note: '));
      assert.deepEqual(notes, order.slice(index + 1).map((folder) => `note: ${folder}/docker.service is not read: ${winner}/docker.service comes first on systemd's path`), winner);
    }
  });

  it('applies the top-level service.d/ drop-ins to docker.service, after docker.service.d/ of the same name whatever the folder', () => {
    const root = buildRoot({
      files: {
        'etc/systemd/system/service.d/50-limits.conf': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --experimental\n',
        'usr/lib/systemd/system/docker.service.d/50-limits.conf': '[Service]\nLimitNOFILE=1048576\n',
        'lib/systemd/system/service.d/60-debug.conf': DEBUG_DROP_IN,
        'etc/systemd/system/socket.d/10-mode.conf': '[Socket]\nSocketMode=0666\n',
        // Prefix folders come from dashes in the unit's name: docker has none, so this applies to nothing of Docker's.
        'etc/systemd/system/docker-.service.d/10-icc.conf': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --icc=true\n',
      },
    });
    const run = host(root, '--fail-on', 'never');
    assert.equal(run.stdout, [
      "note: etc/systemd/system/service.d/50-limits.conf is not read: usr/lib/systemd/system/docker.service.d/50-limits.conf comes first on systemd's path",
      'lib/systemd/system/service.d/60-debug.conf:3:82 warning DG109 "debug" is true: the daemon logs at debug level, with request details that can include secrets, whatever "log-level" says; remove it (CIS 2.3). [log-level-not-info]',
      'etc/systemd/system/socket.d/10-mode.conf:2:12 warning DG204 SocketMode=0666 lets users outside root and the docker group open the Docker socket, which means root on the host; use 0660 (CIS 3.16). [socket-too-permissive]',
      '10 files linted against dockerd 29.7: 0 errors, 2 warnings, 0 info',
      '',
    ].join('\n'));
  });

  it('reads the EnvironmentFile= a unit names beyond /etc/default/docker, and judges the flags it feeds', () => {
    const root = buildRoot({
      files: {
        'etc/systemd/system/docker.service.d/env.conf': '[Service]\nEnvironmentFile=-/etc/docker/dockerd.env\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock $DOCKERD_FLAGS\n',
        'etc/docker/dockerd.env': '# flags for dockerd\nDOCKERD_FLAGS="--debug"\n',
      },
    });
    const run = host(root, '--fail-on', 'never');
    assert.equal(run.stdout, [
      'etc/docker/dockerd.env:2:16 warning DG109 "debug" is true: the daemon logs at debug level, with request details that can include secrets, whatever "log-level" says; remove it (CIS 2.3). [log-level-not-info]',
      '9 files linted against dockerd 29.7: 0 errors, 1 warning, 0 info',
      '',
    ].join('\n'));
  });

  it('prints the findings grouped under their file by default (--format text), as lint does', () => {
    const root = buildRoot({ files: { 'usr/lib/systemd/system/docker.service.d/60-debug.conf': DEBUG_DROP_IN } });
    assert.equal(runCli(['host', '--root', '.'], root).stdout, [
      'usr/lib/systemd/system/docker.service.d/60-debug.conf',
      '  3:82  warning  DG109 log-level-not-info',
      '                 "debug" is true: the daemon logs at debug level, with request details that can include secrets, whatever "log-level" says; remove it (CIS 2.3).',
      '',
      '8 files linted against dockerd 29.7: 0 errors, 1 warning, 0 info',
      '',
    ].join('\n'));
  });

  it('runs nothing of a unit linked to /dev/null, drop-ins included', () => {
    const root = buildRoot({
      files: { 'lib/systemd/system/docker.service': ICC_UNIT, 'lib/systemd/system/docker.service.d/60-debug.conf': DEBUG_DROP_IN },
      links: { 'etc/systemd/system/docker.service': '/dev/null' },
    });
    const run = host(root);
    assert.equal(run.stdout, [
      'note: etc/systemd/system/docker.service is masked (a link to /dev/null): systemd starts none of it, drop-ins included',
      '6 files linted against dockerd 29.7: no problems',
      '',
    ].join('\n'));
    assert.equal(run.code, 0);
  });

  it("reads the daemon.json dockerd's --config-file names, not the default one", () => {
    const root = buildRoot({
      files: {
        'etc/systemd/system/docker.service.d/config.conf': '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock --config-file=/srv/docker.json\n',
        'srv/docker.json': HARDENED_FILES['etc/docker/daemon.json'].replace('"icc": false', '"icc": true'),
      },
    });
    const run = host(root, '--fail-on', 'never');
    assert.equal(run.stdout, [
      'srv/docker.json:2:3 warning DG103 "icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2). [inter-container-communication]',
      '9 files linted against dockerd 29.7: 0 errors, 1 warning, 0 info',
      '',
    ].join('\n'));
  });

  it('resolves absolute and climbing links inside the root, never on the machine running the check, and judges a link by its target', () => {
    const root = buildRoot({
      files: {
        'etc/docker/daemon.json': null,
        'opt/conf/daemon.json': '{\n  "icc": true,\n  "tlsverify": true,\n  "tlscacert": "/etc/docker/tls/ca.pem",\n  "tlskey": "/etc/docker/tls/key.pem",\n  "tlscert": "/etc/docker/tls/cert.pem"\n}\n',
        'etc/docker/tls/real-cert.pem': 'cert\n',
      },
      // /etc/hostname and /etc/passwd exist on the machine running the test, not as these paths in the root.
      links: {
        'etc/docker/daemon.json': '/opt/conf/daemon.json',
        'etc/docker/tls/ca.pem': '/etc/hostname',
        'etc/docker/tls/key.pem': '../../../../../../../../../etc/shadow-key.pem',
        'etc/docker/tls/cert.pem': 'real-cert.pem',
      },
      modes: { 'opt/conf/daemon.json': 0o666, 'etc/docker/tls/real-cert.pem': 0o444 },
    });
    const run = host(root, '--fail-on', 'never');
    matchSnapshot('host-links.txt', run.stdout);
    assert.match(run.stdout, /DG508 \/etc\/docker\/daemon\.json \(→ \/opt\/conf\/daemon\.json\) is root:root, mode 0666/);
    assert.match(run.stdout, /"tlscacert" names \/etc\/docker\/tls\/ca\.pem, which does not exist on this host/);
    assert.match(run.stdout, /"tlskey" names \/etc\/docker\/tls\/key\.pem, which does not exist on this host/);
    assert.doesNotMatch(run.stdout, /tlscert/);
    assert.match(run.stdout, /chmod go-w <root>\/opt\/conf\/daemon\.json/);
  });
});


describe('dockguard host: owners, modes, accounts, mounts (DG501–DG510)', { skip: NOT_ROOT }, () => {
  const loose: RootSpec = {
    files: {
      'etc/default/docker': 'DOCKER_OPTS=""\n',
      'etc/docker/certs.d/registry.example:5000/ca.crt': 'ca\n',
      'etc/docker/daemon.json': '{\n  "tlsverify": true,\n  "tlscacert": "/etc/docker/ca.pem",\n  "tlscert": "/etc/docker/cert.pem",\n  "tlskey": "/etc/docker/key.pem",\n  "data-root": "/srv/docker"\n}\n',
      'etc/docker/ca.pem': 'ca\n',
      'etc/docker/cert.pem': 'cert\n',
      'etc/docker/key.pem': 'key\n',
      'etc/group': 'root:x:0:\nalice:x:1000:\ndocker:x:999:bob,carol\n',
      'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\ndave:x:1001:999::/home/dave:/bin/bash\n',
    },
    dirs: ['srv/docker'],
    links: { 'var/run': '/run' },
    modes: {
      'lib/systemd/system/docker.service': 0o664,
      'etc/docker': 0o777,
      'etc/docker/certs.d/registry.example:5000/ca.crt': 0o644,
      'etc/docker/ca.pem': 0o444,
      'etc/docker/cert.pem': 0o4755,
      'etc/docker/key.pem': 0o600,
      'etc/docker/daemon.json': 0o600,
      'etc/default/docker': 0o666,
    },
    owners: { 'lib/systemd/system/docker.service': [1234, 0], 'etc/docker/daemon.json': [1000, 1000], 'etc/docker/key.pem': [0, 4321] },
  };

  it('reports each, at the file (or at the setting that names it), with the command that removes only the excess', async () => {
    const root = buildRoot(loose);
    const sockets = await Promise.all([listen(join(root, 'run/docker.sock'), 0o666), listen(join(root, 'run/containerd/containerd.sock'), 0o666)]);
    try {
      const run = host(root);
      matchSnapshot('host-loose.txt', run.stdout);
      assert.equal(run.code, 1); // DG506 on the key is an error
      assert.match(run.stdout, /docker\.service is 1234 \(no such user in \/etc\/passwd\):root, mode 0664/);
      assert.match(run.stdout, /chmod g-w <root>\/lib\/systemd\/system\/docker\.service/);
      const json = JSON.parse(host(root, '--format', 'json').stdout);
      assert.deepEqual(
        json.findings.map((f: { rule: string; file: string; line: number }) => `${f.rule} ${f.file}:${f.line}`),
        run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => `${l.split(' ')[2]} ${l.split(' ')[0].replace(/:\d+$/, '')}`),
      );
      const sarif = JSON.parse(host(root, '--format', 'sarif').stdout);
      assert.equal(sarif.runs[0].results.length, json.findings.length);
      const html = host(root, '--format', 'html').stdout;
      checkHtmlReport(html, json.findings);
      const script = host(root, '--script');
      matchSnapshot('host-loose-script.sh', script.stdout);
      assert.ok(script.stdout.startsWith('#!/bin/sh\n'));
      assert.equal(execFileSync('sh', ['-n'], { input: script.stdout }).toString(), ''); // it parses as a shell script
    } finally {
      for (const server of sockets) server.close();
    }
  });

  it('a hardened host that also has its sockets as root:docker 0660 and root:root 0660 reports nothing', async () => {
    const root = buildRoot({ links: { 'var/run': '/run' } });
    const sockets = await Promise.all([listen(join(root, 'run/docker.sock'), 0o660, 999), listen(join(root, 'run/containerd/containerd.sock'), 0o660)]);
    try {
      assert.equal(host(root).stdout, '7 files linted against dockerd 29.7: no problems\n');
    } finally {
      for (const server of sockets) server.close();
    }
  });
});

describe('dockguard host: files that cannot be read (DG512)', { skip: NOT_ROOT }, () => {
  it('says which, never lints them as empty, never blocks on a FIFO, and judges the rest', () => {
    const root = buildRoot({ files: { 'etc/docker/certs.d/registry.example/ca.crt': 'ca\n' }, modes: { 'etc/docker/daemon.json': 0o600, 'etc/docker/certs.d': 0o700 } });
    execFileSync('mkfifo', [join(root, 'etc/default-docker-fifo')]);
    execFileSync('mkdir', ['-p', join(root, 'etc/default')]);
    execFileSync('mv', [join(root, 'etc/default-docker-fifo'), join(root, 'etc/default/docker')]);
    const cli = buildCli();
    chmodSync(dirname(cli), 0o755);
    const run = spawnSync(process.execPath, [cli, 'host', '--root', '.', '--format', 'concise'], { cwd: root, encoding: 'utf8', uid: 65534, gid: 65534, timeout: 60_000 });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, [
      'etc/docker/daemon.json:1:1 info DG512 cannot read /etc/docker/daemon.json (EACCES): the checks that need it were skipped; run as root to see more. [unreadable-file]',
      'etc/default/docker:1:1 info DG512 cannot read /etc/default/docker (not a regular file): the checks that need it were skipped; run as root to see more. [unreadable-file]',
      'etc/docker/certs.d:1:1 info DG512 cannot read /etc/docker/certs.d (EACCES): the checks that need it were skipped; run as root to see more. [unreadable-file]',
      '8 files linted against dockerd 29.7: 0 errors, 0 warnings, 3 info',
      '',
    ].join('\n'));
    assert.equal(run.status, 0);
  });
});

describe('dockguard host: a live root (its /proc mounted)', () => {
  const live = (cmdline: string) => ({
    files: {
      'etc/fstab': 'UUID=0a1b / ext4 errors=remount-ro 0 1\n',
      'proc/mounts': '/dev/vda1 / ext4 rw 0 0\n/dev/vdb1 /var/lib/docker xfs rw 0 0\n',
      'run/docker.pid': '4242\n',
      'proc/4242/cmdline': cmdline,
    },
    links: { 'var/run': '/run' },
  });

  it('reads the mounts from /proc/mounts, not /etc/fstab, and says when the running dockerd is not what the unit on disk starts (DG513)', () => {
    const root = buildRoot(live('/usr/bin/dockerd\0-H\0fd://\0--containerd=/run/containerd/containerd.sock\0--icc=true\0'));
    const run = host(root);
    assert.equal(run.stdout, [
      'lib/systemd/system/docker.service:12:11 info DG513 the running dockerd (pid 4242) was started as `dockerd -H fd:// --containerd=/run/containerd/containerd.sock --icc=true`, not as this ExecStart says (`dockerd -H fd:// --containerd=/run/containerd/containerd.sock`): the unit was changed without a restart, so the findings on it are not yet what runs. [running-config-differs]',
      '7 files linted against dockerd 29.7: 0 errors, 0 warnings, 1 info',
      'remediation (review, then run as root; dockguard changes nothing):',
      '  DG513 lib/systemd/system/docker.service: systemctl daemon-reload && systemctl restart docker',
      '',
    ].join('\n'));
  });

  it('is silent when the running command line is the unit\'s', () => {
    const root = buildRoot(live('/usr/bin/dockerd\0-H\0fd://\0--containerd=/run/containerd/containerd.sock\0'));
    assert.equal(host(root).stdout, '7 files linted against dockerd 29.7: no problems\n');
  });
});

describe('dockguard host: the installed engine (DG511)', () => {
  /** The day the lines are judged on, as SOURCE_DATE_EPOCH gives it. */
  const on = (day: string) => ({ SOURCE_DATE_EPOCH: String(Date.parse(`${day}T12:00:00Z`) / 1000) });
  const engine = (installed: Record<string, string>, day = '2026-12-01') => {
    const root = buildRoot({ files: { 'var/lib/dpkg/status': dpkgStatus(installed) } });
    const run = runCli(['host', '--root', '.', '--format', 'concise', '--fail-on', 'never'], root, on(day));
    return run.stdout.split('\n').filter((line) => / DG511 /.test(line));
  };
  const MAINTAINED = 'upgrade to a maintained line: docker-29.x (29.7.2), 25.0 (25.0.17) (CIS 1.2.2). [docker-outdated]';
  const AT = 'var/lib/dpkg/status:13:10';

  it("says which line the host runs and when it stopped getting fixes, at the package's Version:", () => {
    assert.deepEqual(engine({ 'docker-ce': '5:24.0.7-1~debian.12~bookworm' }), [
      `${AT} warning DG511 docker-ce 5:24.0.7-1~debian.12~bookworm is Docker Engine 24.0.7, of the 24.0 line, which stopped getting fixes on 2024-07-29 (moby's project/BRANCHES-AND-TAGS.md; its last release was 24.0.9 (2024-02-01)); ${MAINTAINED}`,
    ]);
    assert.deepEqual(engine({ 'docker-ce': '5:27.3.1-1~ubuntu.24.04~noble' }), [
      `${AT} warning DG511 docker-ce 5:27.3.1-1~ubuntu.24.04~noble is Docker Engine 27.3.1, of the 27.x line, which stopped getting fixes on 2025-05-02 (moby's project/BRANCHES-AND-TAGS.md; its last release was 27.5.1 (2025-01-22)); ${MAINTAINED}`,
    ]);
  });

  it("maps Debian's docker.io to its upstream line, and says the distribution may backport", () => {
    assert.deepEqual(engine({ 'docker.io': '26.1.5+dfsg1-9' }), [
      `${AT} warning DG511 docker.io 26.1.5+dfsg1-9 is Docker Engine 26.1.5, of the 26.1 line, which stopped getting fixes on 2025-02-17 (moby's project/BRANCHES-AND-TAGS.md; its last release was 26.1.5 (2024-07-23)), though the distribution may backport some to its docker.io; ${MAINTAINED}`,
    ]);
  });

  it('judges a maintained line by its newest release, ~ sorting before it as dpkg sorts', () => {
    assert.deepEqual(engine({ 'docker-ce': '5:29.1.5-1~ubuntu.24.04~noble' }), [
      `${AT} warning DG511 docker-ce 5:29.1.5-1~ubuntu.24.04~noble is Docker Engine 29.1.5, of the maintained docker-29.x line, but its newest release is 29.7.2 (2026-08-05), and fixes go only to the newest; upgrade the package (CIS 1.2.2). [docker-outdated]`,
    ]);
    assert.equal(engine({ 'docker-ce': '5:29.7.2~rc.1-1~debian.12~bookworm' }).length, 1);
    assert.deepEqual(engine({ 'docker-ce': '5:29.7.2-1~debian.12~bookworm' }), []);
    assert.deepEqual(engine({ 'docker.io': '29.7.2+dfsg1-1' }), []);
  });

  it('counts a line as stopped once its expected end of maintenance has passed (25.0: 2026-12-04)', () => {
    assert.deepEqual(engine({ 'moby-engine': '25.0.17-ubuntu22.04u1' }, '2026-12-03'), []);
    assert.deepEqual(engine({ 'moby-engine': '25.0.17-ubuntu22.04u1' }, '2026-12-04'), [
      `${AT} warning DG511 moby-engine 25.0.17-ubuntu22.04u1 is Docker Engine 25.0.17, of the 25.0 line, which stopped getting fixes on 2026-12-04, its expected end of maintenance in moby's project/BRANCHES-AND-TAGS.md; upgrade to a maintained line: docker-29.x (29.7.2) (CIS 1.2.2). [docker-outdated]`,
    ]);
  });

  it('says a line older than the table stopped before it began, and a newer one is not judged', () => {
    assert.deepEqual(engine({ 'docker-engine': '1.13.1-0~debian-stretch' }), [
      `${AT} warning DG511 docker-engine 1.13.1-0~debian-stretch is Docker Engine 1.13.1, of a line older than 20.10, which stopped getting fixes before 2023-11-03 (when moby's project/BRANCHES-AND-TAGS.md began, it listed none of them); ${MAINTAINED}`,
    ]);
    assert.deepEqual(engine({ 'docker-ce': '5:30.0.0-1~debian.13~trixie' }), [
      `${AT} info DG511 docker-ce 5:30.0.0-1~debian.13~trixie is Docker Engine 30.0.0, a release line dockguard's lifecycle table (taken 2026-12-01) does not know, so whether it still gets fixes is not judged; a newer dockguard knows. [docker-outdated]`,
    ]);
  });

  it('counts only "install ok installed" and the engine packages', () => {
    const root = buildRoot({ files: { 'var/lib/dpkg/status': dpkgStatus({ 'docker-ce-cli': '5:20.10.24-1~debian.11~bullseye' }) } });
    assert.equal(host(root).stdout, '7 files linted against dockerd 29.7: no problems\n');
  });

  it('is the same finding in JSON, SARIF and the HTML report, where the check fails', () => {
    const root = buildRoot({ files: { 'var/lib/dpkg/status': dpkgStatus({ 'docker-ce': '5:24.0.7-1~debian.12~bookworm' }) } });
    const [finding] = JSON.parse(host(root, '--format', 'json').stdout).findings;
    assert.deepEqual([finding.rule, finding.file, finding.line, finding.column, finding.endColumn, finding.severity], ['DG511', 'var/lib/dpkg/status', 13, 10, 39, 'warning']);
    const [result] = JSON.parse(host(root, '--format', 'sarif').stdout).runs[0].results;
    assert.deepEqual([result.ruleId, result.message.text, result.locations[0].physicalLocation.region.startLine], ['DG511', finding.message, 13]);
    const html = host(root, '--format', 'html').stdout;
    checkHtmlReport(html, [finding]);
    assert.match(html, /<tr data-rule="DG511"><td>1\.2\.2[^<]*<\/td><td>.*?<\/td><td class="\w+">fail</);
  });

  it('on an RPM host, says the version is not checked: a note, no finding, not applicable in the report', () => {
    const root = buildRoot({ files: { 'var/lib/dpkg/status': null }, dirs: ['var/lib/rpm'] });
    assert.equal(host(root).stdout, [
      "note: the engine's version is not checked (DG511): this host keeps its packages in RPM's database (/var/lib/rpm), and dockguard reads only dpkg's",
      '6 files linted against dockerd 29.7: no problems',
      '',
    ].join('\n'));
    assert.match(host(root, '--format', 'html').stdout, /<tr data-rule="DG511"><td>1\.2\.2[^<]*<\/td><td>.*?<\/td><td class="\w+">not applicable</);
  });
});

describe('dockguard host: a rule that fails', () => {
  it('is reported as DG000 in a file the user sees, and the other rules still run', () => {
    const failing = defineRule({
      meta: { id: 'DG599', name: 'always-fails', description: 'test', severity: 'info', kinds: ['host-facts'], reads: 'host', messages: {} },
      check() {
        throw new Error('boom');
      },
    });
    const root = buildRoot({ modes: { 'etc/docker/daemon.json': 0o666 } });
    let out = '';
    const io = { out: (s: string) => (out += s), err: () => {}, cwd: root, isTTY: false, env: {} };
    const code = run(['host', '--root', '.', '--format', 'concise'], io, withRules(REGISTRY, [...REGISTRY.rules, failing]));
    assert.equal(out.split('\n').filter((l) => /^\S+:\d+:\d+ \w+ DG(000|508) /.test(l)).map((l) => l.split(' ').slice(0, 3).join(' ')).join('\n'), [
      'etc/docker/daemon.json:1:1 error DG000',
      'etc/docker/daemon.json:1:1 warning DG508',
    ].join('\n'));
    assert.equal(code, 1);
  });
});

describe('dockguard host: a root without Docker', () => {
  it('says so, and judges nothing that needs a daemon (no data-root finding)', () => {
    const root = buildRoot({ files: { 'etc/docker/daemon.json': null, 'lib/systemd/system/docker.service': null, 'lib/systemd/system/docker.socket': null } });
    const run = host(root);
    assert.equal(run.stdout, [
      'note: no Docker configuration below <root>/ (no daemon.json, docker.service or docker.socket where dockerd and systemd look)',
      '4 files linted against dockerd 29.7: no problems',
      '',
    ].join('\n'));
    assert.equal(run.code, 0);
  });
});

describe('dockguard host --config', () => {
  it('applies the named .dockguard.yaml: a rule turned off, another severity', () => {
    const root = buildRoot({ modes: { 'etc/docker/daemon.json': 0o666, 'etc/docker': 0o777 } });
    writeFileSync(join(root, 'host.dockguard.yaml'), 'rules:\n  DG504: "off"\n  DG508: error\n');
    const run = host(root, '--config', 'host.dockguard.yaml');
    assert.deepEqual(run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.split(' ').slice(0, 3).join(' ')), ['etc/docker/daemon.json:1:1 error DG508']);
    assert.equal(run.code, 1);
  });
});

describe('dockguard host: usage', () => {
  it('has its own help, and the main help names it', () => {
    const help = runCli(['host', '--help']);
    assert.ok(help.stdout.startsWith('Usage: dockguard host [options]\n'));
    assert.match(help.stdout, /--root DIR {2,}treat DIR as \//);
    assert.equal(help.code, 0);
    assert.match(runCli(['--help']).stdout, /^ {7}dockguard host \[--root DIR\] \[options\] {3}\(see dockguard host --help\)$/m);
  });

  it('refuses a root that is not a folder and a PATH, with exit 2', () => {
    assert.deepEqual(runCli(['host', '--root', 'no/such/dir']).stderr, 'dockguard: --root no/such/dir: no such folder (see dockguard --help)\n');
    const run = runCli(['host', 'etc']);
    assert.equal(run.stderr, "dockguard: host takes no PATH (got 'etc'); name the root with --root DIR (see dockguard --help)\n");
    assert.equal(run.code, 2);
    assert.equal(runCli(['host', '--bogus']).stderr, 'dockguard: unknown option --bogus for host (see dockguard --help)\n');
    assert.equal(runCli(['host', '--root']).stderr, 'dockguard: --root needs a value (see dockguard --help)\n');
    assert.equal(runCli(['host', '--format', 'xml']).stderr, "dockguard: --format must be one of text, concise, json, sarif, html (got 'xml') (see dockguard --help)\n");
    assert.equal(runCli(['host'], REPO_ROOT, { SOURCE_DATE_EPOCH: 'yesterday' }).stderr, "dockguard: SOURCE_DATE_EPOCH must be seconds since 1970 (got 'yesterday') (see dockguard --help)\n");
  });
});

/** The page's counts agree with its rows and with the findings; it loads nothing from elsewhere. */
function checkHtmlReport(html: string, findings: { rule: string; severity: string }[]): void {
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.doesNotMatch(html, /<script|<link|<img|src=|url\(/, 'the report is self-contained');
  const attr = (name: string) => Number(new RegExp(`data-${name}="(\\d+)"`).exec(html)?.[1]);
  for (const severity of ['error', 'warning', 'info']) assert.equal(attr(severity), findings.filter((f) => f.severity === severity).length);
  assert.equal([...html.matchAll(/<li class="finding /g)].length, findings.length);
  const severities = [...html.matchAll(/<li class="finding (\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(severities, [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)), 'most severe first');
  const checks = [...html.matchAll(/<tr data-rule="(DG\d+)"><td>([\d.]+)[^<]*<\/td><td>.*?<\/td><td class="\w+">([^<]+)<\/td><\/tr>/g)].map((m) => ({ rule: m[1], section: m[2].split('.')[0], status: m[3] }));
  assert.ok(checks.length > 20);
  for (const check of checks) assert.equal(check.status === 'fail', findings.some((f) => f.rule === check.rule), `${check.rule} is ${check.status}`);
  for (const row of html.matchAll(/<tr data-section="(\d)">.*?data-status="pass">(\d+)<.*?data-status="fail">(\d+)<.*?data-status="not applicable">(\d+)</g)) {
    const inSection = checks.filter((c) => c.section === row[1]);
    assert.deepEqual([Number(row[2]), Number(row[3]), Number(row[4])], ['pass', 'fail', 'not applicable'].map((s) => inSection.filter((c) => c.status === s).length), `section ${row[1]}`);
  }
}

function listen(path: string, mode: number, gid = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    execFileSync('mkdir', ['-p', dirname(path)]);
    const server = createServer();
    server.on('error', reject);
    server.listen(path, () => {
      chmodSync(path, mode);
      chownSync(path, 0, gid);
      resolve(server);
    });
  });
}
