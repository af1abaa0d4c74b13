/**
 * Properties of the whole engine over generated input (fast-check): arbitrary text and daemon.json-like
 * text built from dockerd's real keys never make lintSources throw or report DG000, every span lies in
 * the text, every offered safe fix leaves a file that parses, and fix-all is idempotent.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintSources } from '../../server/src/engine/api';
import { projectOf } from '../../server/src/engine/api';
import { fixAll, fixProblem } from '../../server/src/engine/fixes';
import { withDefaults } from '../../server/src/engine/options';
import type { Finding } from '../../server/src/engine/types';
import type { SourceFile } from '../../server/src/engine/project';
import { ALL_KEYS } from '../../server/src/model/daemon-options';
import { REGISTRY } from '../../server/src/registry';
import { sourcesWithFix } from '../support';

const PATH = 'host/etc/docker/daemon.json';
const OPTIONS = withDefaults({ profile: 'all' });
const RUNS = { numRuns: 200 };

const sourceOf = (text: string): SourceFile[] => [{ path: PATH, kind: 'daemon-json', text }];

function lint(text: string): Finding[] {
  return lintSources(sourceOf(text), OPTIONS, REGISTRY).findings.get(PATH) ?? [];
}

function assertSpansInside(text: string, findings: Finding[]): void {
  const inside = (s: { start: number; end: number }) => 0 <= s.start && s.start <= s.end && s.end <= text.length;
  for (const f of findings) {
    assert.ok(inside(f.span), `${f.ruleId} span ${f.span.start}-${f.span.end} outside a text of ${text.length}`);
    for (const r of f.related) if (r.location.file === PATH) assert.ok(inside(r.location.span), `${f.ruleId} related span outside the text`);
  }
}

const scalar = fc.oneof(fc.boolean(), fc.integer(), fc.double({ noNaN: true }), fc.constant(null), fc.string({ maxLength: 12 }),
  fc.constantFrom('tcp://0.0.0.0:2375', 'unix:///var/run/docker.sock', '10m', 'json-file', 'overlay2', 'default', '', 'info'));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom('max-size', 'max-file', 'nofile', 'path', 'x'), scalar, { maxKeys: 3 }));
const key = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ALL_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });

/** A daemon.json as people write it: real keys, any indentation and line ending, now and then a comment or a trailing comma. */
const daemonJsonText = fc
  .record({
    config: fc.dictionary(key, value, { maxKeys: 8 }),
    indent: fc.constantFrom(0, 2, 4, '\t'),
    crlf: fc.boolean(),
    comment: fc.boolean(),
    trailingComma: fc.boolean(),
  })
  .map(({ config, indent, crlf, comment, trailingComma }) => {
    let text = JSON.stringify(config, null, indent);
    if (trailingComma) text = text.replace(/("|\d|true|false|null|\]|\})(\s*)\}$/, '$1,$2}');
    if (comment) text = text.replace('{', '{ // managed by ansible\n');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** A daemon.json with one character deleted or inserted: broken syntax of every sort. */
const brokenText = fc
  .tuple(daemonJsonText, fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '/', '\\', '\r', '\u00e9', '\ud800'))
  .map(([text, at, inserted]) => {
    const i = at % (text.length + 1);
    return inserted === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + inserted + text.slice(i);
  });

const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), daemonJsonText, brokenText);

describe('engine properties', () => {
  it('any text: no throw, no DG000, every span inside the text', () => {
    fc.assert(fc.property(anyText, (text) => {
      const findings = lint(text);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'DG000').map((f) => f.message), []);
      assertSpansInside(text, findings);
    }), RUNS);
  });

  it('every offered safe fix of a parsable file leaves it parsable', () => {
    fc.assert(fc.property(daemonJsonText, (text) => {
      const { project, findings: before } = lintSources(sourceOf(text), OPTIONS, REGISTRY);
      assert.deepEqual((before.get(PATH) ?? []).filter((f) => f.ruleId === 'DG001').map((f) => f.message), [], 'the generator made a broken file');
      for (const finding of before.get(PATH) ?? []) {
        for (const fix of finding.fixes.filter((f) => f.safety === 'safe')) {
          if (fixProblem(project, finding, fix, OPTIONS) !== undefined) continue;
          const fixed = sourcesWithFix(project, PATH, fix)[0].text;
          const syntax = lint(fixed).filter((f) => f.ruleId === 'DG001').map((f) => f.message);
          assert.deepEqual(syntax, [], `${finding.ruleId} "${fix.title}" on ${JSON.stringify(text)} gives ${JSON.stringify(fixed)}`);
        }
      }
    }), RUNS);
  });

  it('fix-all is idempotent and never adds DG001', () => {
    fc.assert(fc.property(fc.oneof(daemonJsonText, brokenText), (text) => {
      const once = fixAll(projectOf(sourceOf(text), REGISTRY), [PATH], OPTIONS).texts.get(PATH) ?? text;
      const twice = fixAll(projectOf(sourceOf(once), REGISTRY), [PATH], OPTIONS).texts.get(PATH) ?? once;
      assert.equal(twice, once, `fix-all of ${JSON.stringify(text)} is not stable`);
      const syntaxBefore = lint(text).filter((f) => f.ruleId === 'DG001').length;
      assert.ok(lint(once).filter((f) => f.ruleId === 'DG001').length <= syntaxBefore, `fix-all broke ${JSON.stringify(text)} into ${JSON.stringify(once)}`);
    }), RUNS);
  });
});
