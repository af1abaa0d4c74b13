/**
 * The daemon a Compose project runs on: its host tree's dockerd, or a declared machine's; never a
 * daemon.json beside loose Compose files, nor another daemon.json elsewhere in the tree. A change
 * to that daemon's daemon.json or docker.service drop-in re-lints the Compose files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withDefaults } from '../../server/src/engine/options';
import { Project } from '../../server/src/engine/project';
import { REGISTRY } from '../../server/src/registry';

const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n';
const options = withDefaults();

function dg312(project: Project, path: string): string[] {
  return project.findings(path, options).findings.filter((f) => f.ruleId === 'DG312').map((f) => f.message);
}

const MISSING = 'Service "web" does not set "no-new-privileges:true": a setuid or file-capability binary in the image can give its processes more privileges than the container started with (CIS 5.26).';
const MISSING_ON_DAEMON = 'Service "web" does not set "no-new-privileges:true", and the daemon it runs on does not turn "no-new-privileges" on either: a setuid or file-capability binary in the image can give its processes more privileges than the container started with (CIS 5.26).';

describe('the daemon of a Compose project', () => {
  it('is the host tree\'s dockerd: a docker.service drop-in adding --no-new-privileges re-lints the Compose file and silences DG312', () => {
    const project = new Project(REGISTRY);
    project.set({ path: 'h1/lib/systemd/system/docker.service', kind: 'systemd', text: '[Service]\nExecStart=/usr/bin/dockerd -H fd://\n' });
    project.set({ path: 'h1/srv/app/compose.yaml', kind: 'compose', text: COMPOSE });
    assert.deepEqual(dg312(project, 'h1/srv/app/compose.yaml'), [MISSING_ON_DAEMON]);
    const before = project.findings('h1/srv/app/compose.yaml', options).resultId;
    project.set({ path: 'h1/etc/systemd/system/docker.service.d/hardening.conf', kind: 'systemd', text: '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --no-new-privileges\n' });
    assert.notEqual(project.findings('h1/srv/app/compose.yaml', options).resultId, before);
    assert.deepEqual(dg312(project, 'h1/srv/app/compose.yaml'), []);
  });

  it('is not a daemon.json beside loose Compose files: they are machines of their own', () => {
    const project = new Project(REGISTRY);
    project.set({ path: 'app/daemon.json', kind: 'daemon-json', text: '{"no-new-privileges": true}' });
    project.set({ path: 'app/compose.yaml', kind: 'compose', text: COMPOSE });
    assert.deepEqual(project.machineFiles('app/compose.yaml'), ['app/compose.yaml']);
    assert.deepEqual(dg312(project, 'app/compose.yaml'), [MISSING]);
  });

  it('is not another daemon.json somewhere in the host tree', () => {
    const project = new Project(REGISTRY);
    project.set({ path: 'h1/backup/daemon.json', kind: 'daemon-json', text: '{"no-new-privileges": true}' });
    project.set({ path: 'h1/etc/docker/daemon.json', kind: 'daemon-json', text: '{"icc": false}' });
    project.set({ path: 'h1/srv/app/compose.yaml', kind: 'compose', text: COMPOSE });
    assert.deepEqual(dg312(project, 'h1/srv/app/compose.yaml'), [MISSING_ON_DAEMON]);
  });

  it('is a declared machine\'s, with the daemon.json the declaration names', () => {
    const project = new Project(REGISTRY);
    project.set({ path: '/w/prod/docker/daemon.json', kind: 'daemon-json', text: '{"no-new-privileges": true}' });
    project.set({ path: '/w/prod/app/compose.yaml', kind: 'compose', text: COMPOSE });
    assert.deepEqual(dg312(project, '/w/prod/app/compose.yaml'), [MISSING], 'undeclared, the folder is loose');
    project.declareMachines([{ root: '/w/prod/', daemon: 'docker/daemon.json' }]);
    assert.deepEqual(dg312(project, '/w/prod/app/compose.yaml'), []);
  });

  it('says nothing when the daemon reads a config file the workspace does not hold', () => {
    const project = new Project(REGISTRY);
    project.set({ path: 'h1/lib/systemd/system/docker.service', kind: 'systemd', text: '[Service]\nExecStart=/usr/bin/dockerd --config-file /opt/docker/daemon.json\n' });
    project.set({ path: 'h1/srv/app/compose.yaml', kind: 'compose', text: COMPOSE });
    assert.deepEqual(dg312(project, 'h1/srv/app/compose.yaml'), [MISSING]);
  });
});
