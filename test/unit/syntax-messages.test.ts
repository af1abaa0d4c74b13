/** DG001's message names what dockerd's parser expected at the error, for objects and arrays alike. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintSources } from '../../server/src/engine/api';
import { withDefaults } from '../../server/src/engine/options';
import { REGISTRY } from '../../server/src/registry';

function syntaxErrors(text: string): string[] {
  const path = '/host/etc/docker/daemon.json';
  const findings = lintSources([{ path, kind: 'daemon-json', text }], withDefaults(), REGISTRY).findings.get(path) ?? [];
  return findings.filter((f) => f.ruleId === 'DG001').map((f) => `${f.span.start} ${f.message}`);
}

test('a missing comma between members expects , or }', () => {
  assert.deepEqual(syntaxErrors('{\n  "icc": false\n  "debug": false\n}\n'), [`19 Syntax error: expected ',' or '}', found '"debug"'`]);
});

test('a missing comma between list elements expects , or ]', () => {
  assert.deepEqual(syntaxErrors('{\n  "dns": ["1.1.1.1" "8.8.8.8"]\n}\n'), [`22 Syntax error: expected ',' or ']', found '"8.8.8.8"'`]);
});

test('a bracket inside a string or a comment does not change the expectation', () => {
  assert.deepEqual(syntaxErrors('{\n  "labels": ["a=[", "b" "c"] // [\n}\n'), [`26 Syntax error: expected ',' or ']', found '"c"'`]);
});
