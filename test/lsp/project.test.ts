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
