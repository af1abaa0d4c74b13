/** `dockguard lint` on a Compose project folder: the files merged as `docker compose` merges them, each finding in the file that sets the value. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from './harness';

const HARDENED = '    read_only: true\n    security_opt: ["no-new-privileges:true"]\n    cap_drop: [ALL]\n    user: "1000"\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 100\n    restart: on-failure:5\n    healthcheck:\n      test: ["CMD", "true"]\n';
const IMAGE = 'nginx:1.27@sha256:4ff102c5d78d254a6f0da062b3cf39eaf07f01eec0927fd21e219d0af8bc0591';

/** The concise lines, the workspace's path taken off. */
const lines = (ws: string, stdout: string) => stdout.split('\n').filter((l) => l.includes(' DG')).map((l) => l.replace(`${ws}/`, '').replace(/ \[.*$/, '').replace(/(DG\d+) .*/, '$1'));

describe('dockguard lint on a Compose project', () => {
  const files = {
    'app/compose.yaml': `services:\n  web:\n    image: "${IMAGE}"\n    extends:\n      file: ../common/base.yml\n      service: hardened\n    privileged: \${WEB_PRIVILEGED:-false}\n`,
    'app/compose.override.yaml': 'services:\n  web:\n    cap_add: [SYS_ADMIN]\n',
    'app/.env': 'WEB_PRIVILEGED=true\n',
    'common/base.yml': `services:\n  hardened:\n${HARDENED}    network_mode: host\n`,
  };

  it('merges the base, its override, .env and the extends target named base.yml, and reports each finding where its value is set', () => {
    const ws = tempWorkspace(files);
    const run = runCli(['lint', '--format', 'concise', '--profile', 'all', '--fail-on', 'never', 'app'], ws);
    assert.equal(run.stderr, '');
    assert.deepEqual(lines(ws, run.stdout), [
      'app/compose.override.yaml:3:15 error DG309',
      'app/compose.yaml:7:5 error DG301',
      'common/base.yml:13:5 warning DG305',
    ]);
    assert.match(run.stdout, /^3 files linted/m, 'the .env is read, not reported');
  });

  it('--fix-unsafe removes the capability in the override and the host network in the extends target', () => {
    const ws = tempWorkspace(files);
    runCli(['lint', '--fix-unsafe', '--profile', 'all', '--fail-on', 'never', 'app'], ws);
    assert.equal(readFileSync(join(ws, 'app/compose.override.yaml'), 'utf8'), 'services:\n  web: {}\n');
    assert.equal(readFileSync(join(ws, 'common/base.yml'), 'utf8'), `services:\n  hardened:\n${HARDENED}`);
  });

  it('merges the files .dockguard.yaml declares as one project (compose.projects), whatever their names and folders', () => {
    const project = {
      'app/compose.yaml': `services:\n  web:\n    image: "${IMAGE}"\n`,
      'deploy/hardening.yml': `services:\n  web:\n${HARDENED}`,
    };
    const alone = tempWorkspace(project);
    const declared = tempWorkspace({ ...project, '.dockguard.yaml': 'compose:\n  projects:\n    - name: app\n      files: [app/compose.yaml, deploy/hardening.yml]\n' });
    const lint = (ws: string) => lines(ws, runCli(['lint', '--format', 'concise', '--profile', 'all', '--fail-on', 'never', 'app'], ws).stdout);
    assert.ok(lint(alone).includes('app/compose.yaml:2:3 info DG313'), 'alone, the base has a writable root filesystem');
    assert.deepEqual(lint(declared), []);
  });
});
