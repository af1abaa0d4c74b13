/**
 * Properties of daemon.json completion (fast-check): at any offset of any text it never throws and
 * every replaced span contains the cursor on one line (an editor drops an item whose range does not);
 * and a key typed halfway on its own line, completed and accepted, gives valid JSON with that key.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { completion } from '../../server/src/features';
import { parseDaemonJson } from '../../server/src/formats/daemon-json/parse';
import { ALL_KEYS, optionByKey } from '../../server/src/model/daemon-options';
import { REGISTRY } from '../../server/src/registry';

const PATH = 'host/etc/docker/daemon.json';
const CONTEXT = { findings: [], dockerVersion: '29.0', rules: REGISTRY.rules };
const KIND = REGISTRY.kindsByName.get('daemon-json')!;
const RUNS = { numRuns: 200 };

/** Keys completion offers at the top level (those dockerd reads from the file). */
const OFFERED_KEYS = ALL_KEYS.filter((key) => optionByKey(key)?.file !== 'ignored');

const config = fc.dictionary(fc.constantFrom(...OFFERED_KEYS), fc.oneof(fc.boolean(), fc.integer(), fc.constantFrom('info', '10m', 'overlay2')), { minKeys: 1, maxKeys: 6 });
/** JSON-ish text with the characters completion looks at, broken in any way. */
const jsonish = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '\n', '\r', '\\', 'a', 'l', 'o', '-', '1', 't'), maxLength: 40 });

describe('daemon.json completion', () => {
  it('at any offset of any text: no throw, and each replaced span holds the cursor on one line', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, config.map((c) => JSON.stringify(c, null, 2))), fc.nat(), (text, at) => {
        const offset = at % (text.length + 1);
        for (const entry of completion(KIND, parseDaemonJson(PATH, text), offset, CONTEXT)) {
          const { start, end } = entry.replace;
          assert.ok(start <= offset && offset <= end && end <= text.length, `span ${start}-${end} around offset ${offset}`);
          assert.ok(!/[\r\n]/.test(text.slice(start, end)), `span ${start}-${end} crosses a line`);
        }
      }),
      RUNS,
    );
  });

  it('a key typed halfway on its own line, completed, gives valid JSON with every key', () => {
    fc.assert(
      fc.property(config, fc.nat(), fc.nat(), (object, lineAt, prefixAt) => {
        const lines = JSON.stringify(object, null, 2).split('\n');
        const index = 1 + (lineAt % (lines.length - 2));
        const key = Object.keys(object)[index - 1];
        // Everything after the typed part of the key is gone, as when the line is being written.
        lines[index] = `  "${key.slice(0, prefixAt % (key.length + 1))}`;
        const text = lines.join('\n');
        const offset = lines.slice(0, index + 1).join('\n').length;
        const entry = completion(KIND, parseDaemonJson(PATH, text), offset, CONTEXT).find((e) => e.label === key);
        assert.ok(entry, `"${key}" is offered`);
        const accepted = text.slice(0, entry.replace.start) + entry.text + text.slice(entry.replace.end);
        assert.deepEqual(Object.keys(JSON.parse(accepted) as object), Object.keys(object), accepted);
      }),
      RUNS,
    );
  });
});
