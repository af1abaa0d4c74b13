/** The incremental project: a throwing rule is isolated, and findings are recomputed only when an input changed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withDefaults } from '../../server/src/engine/options';
import { Project } from '../../server/src/engine/project';
import { defineRule, type Rule } from '../../server/src/engine/rule';
import { withRules } from '../../server/src/engine/registry';
import { REGISTRY } from '../../server/src/registry';

const throwing = defineRule({
  meta: { id: 'DG999', name: 'always-throws', description: 'Throws.', severity: 'warning', kinds: ['daemon-json'], reads: 'daemon-json', messages: {} },
  check() {
    throw new Error('boom');
  },
}) as Rule;

test('a rule that throws becomes one DG000 finding and the other rules still report', () => {
  const project = new Project(withRules(REGISTRY, [throwing, REGISTRY.rulesById.get('DG103')!]));
  project.set({ path: 'h/etc/docker/daemon.json', kind: 'daemon-json', text: '{"icc": true}' });
  const { findings } = project.findings('h/etc/docker/daemon.json', withDefaults());
  assert.deepEqual(findings.map((f) => [f.ruleId, f.message, f.span]), [
    ['DG000', 'rule DG999 (always-throws) failed and was skipped: boom', { start: 0, end: 0 }],
    ['DG103', '"icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2).', { start: 1, end: 6 }],
  ]);
});

test('findings are reused until the file, its host or the options change', () => {
  const project = new Project(REGISTRY);
  const a = 'a/etc/docker/daemon.json';
  const b = 'b/etc/docker/daemon.json';
  project.set({ path: a, kind: 'daemon-json', text: '{"icc": true}' });
  project.set({ path: b, kind: 'daemon-json', text: '{"icc": false}' });
  const options = withDefaults();
  const first = project.findings(a, options).resultId;
  const other = project.findings(b, options).resultId;
  assert.equal(project.set({ path: a, kind: 'daemon-json', text: '{"icc": true}' }), false, 'the same text is no change');
  assert.equal(project.findings(a, options).resultId, first);
  project.set({ path: a, kind: 'daemon-json', text: '{"icc": false}' });
  assert.notEqual(project.findings(a, options).resultId, first);
  assert.equal(project.findings(b, options).resultId, other, 'another host is not re-linted');
  assert.notEqual(project.findings(b, withDefaults({ profile: 'strict' })).resultId, other);
});

test('a severity override equal to the rule default wins over the severity the rule chose', () => {
  // DG207 defaults to error and reports an unknown directive (which systemd ignores) as a warning.
  const project = new Project(REGISTRY);
  const path = 'h/etc/systemd/system/docker.service.d/override.conf';
  project.set({ path, kind: 'systemd', text: '[Service]\nRestrt=always\n' });
  const warning = project.findings(path, withDefaults()).findings.find((f) => f.ruleId === 'DG207')!;
  assert.equal(warning.severity, 'warning');
  const asError = project.findings(path, withDefaults({ rules: { DG207: 'error' } })).findings.find((f) => f.ruleId === 'DG207')!;
  assert.equal(asError.severity, 'error');
});

test('a file below a host root belongs to that host, and only its host re-lints on a change', () => {
  const project = new Project(REGISTRY);
  project.set({ path: 'h1/etc/docker/daemon.json', kind: 'daemon-json', text: '{"icc": true}' });
  project.set({ path: 'h1/opt/app/daemon.json', kind: 'daemon-json', text: '{}' });
  project.set({ path: 'app/daemon.json', kind: 'daemon-json', text: '{}' });
  project.set({ path: 'app/docker.service', kind: 'systemd', text: '[Service]\nExecStart=/usr/bin/dockerd\n' });
  assert.deepEqual(project.machineFiles('h1/opt/app/daemon.json'), ['h1/etc/docker/daemon.json', 'h1/opt/app/daemon.json']);
  // Outside a host tree, a folder groups daemon.json and units as one host.
  assert.deepEqual(project.machineFiles('app/docker.service'), ['app/daemon.json', 'app/docker.service']);
  const options = withDefaults();
  const other = project.findings('app/daemon.json', options).resultId;
  project.set({ path: 'h1/etc/docker/daemon.json', kind: 'daemon-json', text: '{"icc": false}' });
  assert.equal(project.findings('app/daemon.json', options).resultId, other, 'another machine is not re-linted');
  // A new host root moves the loose files below it.
  project.set({ path: 'app/etc/systemd/system/docker.service', kind: 'systemd', text: '[Service]\nExecStart=/usr/bin/dockerd\n' });
  assert.deepEqual(project.machineFiles('app/daemon.json'), ['app/daemon.json', 'app/docker.service', 'app/etc/systemd/system/docker.service']);
  project.delete('app/etc/systemd/system/docker.service');
  assert.deepEqual(project.machineFiles('app/daemon.json'), ['app/daemon.json', 'app/docker.service']);
});

test('with absolute paths, a host root found late moves only the files below it, and its removal moves them back', () => {
  const project = new Project(REGISTRY);
  project.set({ path: '/w/app/daemon.json', kind: 'daemon-json', text: '{}' });
  project.set({ path: '/w/other/daemon.json', kind: 'daemon-json', text: '{}' });
  project.set({ path: '/w/app/etc/systemd/system/docker.service', kind: 'systemd', text: '[Service]\nExecStart=/usr/bin/dockerd\n' });
  assert.equal(project.machineKeyOf('/w/app/daemon.json'), '/w/app/');
  assert.deepEqual(project.machineFiles('/w/other/daemon.json'), ['/w/other/daemon.json']);
  project.delete('/w/app/etc/systemd/system/docker.service');
  assert.deepEqual(project.machineFiles('/w/app/daemon.json'), ['/w/app/daemon.json']);
  assert.notEqual(project.machineKeyOf('/w/app/daemon.json'), '/w/app/');
});

test('a drop-in of a unit that stops running dockerd is no longer judged (the model never writes into a parse)', () => {
  const project = new Project(REGISTRY);
  const unit = 'h/etc/systemd/system/containerd-docker.service';
  const dropIn = 'h/etc/systemd/system/containerd-docker.service.d/x.conf';
  project.set({ path: dropIn, kind: 'systemd', text: '[Service]\nRestart always\n' });
  project.set({ path: unit, kind: 'systemd', text: '[Service]\nExecStart=/usr/bin/dockerd\n' });
  const options = withDefaults();
  assert.deepEqual(project.findings(dropIn, options).findings.map((f) => f.ruleId), ['DG207']);
  project.set({ path: unit, kind: 'systemd', text: '[Service]\nExecStart=/usr/bin/containerd\n' });
  assert.deepEqual(project.findings(dropIn, options).findings.map((f) => f.ruleId), []);
});
