/** Hover and completion in .dockguard.yaml come from its schema. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockguardConfig } from '../../server/src/engine/config-file';
import { configCompletion, configHover } from '../../server/src/features/dockguard-config/schema-help';

test('hovering a key shows its schema description, nested keys too', () => {
  const text = 'profile: strict\noverrides:\n  - files: [a]\n    rules: [DG103]\n';
  const file = parseDockguardConfig('/p/.dockguard.yaml', text);
  const profile = configHover(file, 2)!;
  assert.match(profile.markdown, /^\*\*`profile`\*\*\n\nWhich rules run: recommended .*\n\nOne of `recommended`, `strict`, `all`\.$/);
  assert.deepEqual(profile.span, { start: 0, end: 7 });
  assert.match(configHover(file, text.indexOf('rules'))!.markdown, /^\*\*`overrides\.rules`\*\*\n\nThe rule ids suppressed in those files\.$/);
  assert.equal(configHover(file, text.indexOf('DG103')), undefined);
});

test('completion offers the keys not yet written, and a key\'s allowed values', () => {
  const text = 'profile: strict\npr';
  const keys = configCompletion(parseDockguardConfig('/p/.dockguard.yaml', 'profile: strict\n'), 16);
  assert.ok(!keys.some((k) => k.label === 'profile') && keys.some((k) => k.label === 'overrides'));
  assert.deepEqual(configCompletion(parseDockguardConfig('/p/.dockguard.yaml', text), text.length).map((k) => k.label), []);
  const values = 'profile: st';
  assert.deepEqual(configCompletion(parseDockguardConfig('/p/.dockguard.yaml', values), values.length).map((v) => [v.label, v.replace]), [
    ['recommended', { start: 9, end: 11 }],
    ['strict', { start: 9, end: 11 }],
    ['all', { start: 9, end: 11 }],
  ]);
});
