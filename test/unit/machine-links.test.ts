/** Loose machines joined by links (a Compose file's extends.file in another folder), kept incrementally. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withDefaults } from '../../server/src/engine/options';
import { Project } from '../../server/src/engine/project';
import { REGISTRY } from '../../server/src/registry';

const EXTENDS = 'services:\n  web:\n    image: nginx:1.27\n    extends:\n      file: ../common/base.yml\n      service: base\n';
const BASE = 'services:\n  base:\n    privileged: true\n';

test('a Compose file and the file its extends names, in another folder, are one machine until the link goes', () => {
  const project = new Project(REGISTRY);
  project.set({ path: '/w/common/base.yml', kind: 'compose', text: BASE });
  project.set({ path: '/w/other/compose.yaml', kind: 'compose', text: 'services:\n  x:\n    image: busybox:1.36\n' });
  assert.notEqual(project.machineKeyOf('/w/app/compose.yaml'), project.machineKeyOf('/w/common/base.yml'));
  project.set({ path: '/w/app/compose.yaml', kind: 'compose', text: EXTENDS });
  assert.deepEqual(project.machineFiles('/w/app/compose.yaml'), ['/w/app/compose.yaml', '/w/common/base.yml']);
  assert.deepEqual(project.machineFiles('/w/other/compose.yaml'), ['/w/other/compose.yaml'], 'an unlinked folder stays apart');
  const privileged = () => project.findings('/w/common/base.yml', withDefaults()).findings.filter((f) => f.ruleId === 'DG301').length;
  assert.equal(privileged(), 1, 'the extended value is judged in the file that sets it');
  project.set({ path: '/w/app/compose.yaml', kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n' });
  assert.deepEqual(project.machineFiles('/w/app/compose.yaml'), ['/w/app/compose.yaml']);
  assert.deepEqual(project.machineFiles('/w/common/base.yml'), ['/w/common/base.yml']);
});

test('a link to a file not read yet joins it when it arrives; deleting the linking file separates them', () => {
  const project = new Project(REGISTRY);
  project.set({ path: '/w/app/compose.yaml', kind: 'compose', text: EXTENDS });
  project.set({ path: '/w/common/base.yml', kind: 'compose', text: BASE });
  assert.equal(project.machineKeyOf('/w/common/base.yml'), project.machineKeyOf('/w/app/compose.yaml'));
  project.delete('/w/app/compose.yaml');
  assert.deepEqual(project.machineFiles('/w/common/base.yml'), ['/w/common/base.yml']);
});

test('links chain: a file included by an extended file joins the three folders', () => {
  const project = new Project(REGISTRY);
  project.set({ path: '/w/app/compose.yaml', kind: 'compose', text: EXTENDS });
  project.set({ path: '/w/common/base.yml', kind: 'compose', text: `include:\n  - ../db/compose.yaml\n${BASE}` });
  project.set({ path: '/w/db/compose.yaml', kind: 'compose', text: 'services:\n  db:\n    image: postgres:16\n' });
  assert.deepEqual(project.machineFiles('/w/db/compose.yaml'), ['/w/app/compose.yaml', '/w/common/base.yml', '/w/db/compose.yaml']);
});

test('a declared project joins its folders until the declaration goes', () => {
  const project = new Project(REGISTRY);
  project.set({ path: '/w/app/compose.yaml', kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n' });
  project.set({ path: '/w/deploy/prod.yml', kind: 'compose', text: 'services:\n  web:\n    read_only: true\n' });
  const projects = [{ files: ['/w/app/compose.yaml', '/w/deploy/prod.yml'] }];
  project.declareForModels({ compose: { projects } }, [{ paths: projects[0].files, kind: 'compose' }]);
  assert.deepEqual(project.machineFiles('/w/deploy/prod.yml'), ['/w/app/compose.yaml', '/w/deploy/prod.yml']);
  const writable = () => project.findings('/w/app/compose.yaml', withDefaults({ profile: 'all' })).findings.filter((f) => f.ruleId === 'DG313').length;
  assert.equal(writable(), 0, 'the declared file sets read_only');
  project.declareForModels({});
  assert.deepEqual(project.machineFiles('/w/deploy/prod.yml'), ['/w/deploy/prod.yml']);
  assert.equal(writable(), 1);
});
