/** Offsets ↔ line/column at the edges: LF, CRLF, lone CR, astral characters (UTF-16 columns, as LSP counts). */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/engine/positions';

it('line and column after each kind of line ending', () => {
  const text = 'a\nbc\r\nd\re';
  const index = new LineIndex(text);
  assert.deepEqual([0, 2, 4, 6, 7, 8, 9].map((o) => index.positionAt(o)), [
    { line: 0, character: 0 }, { line: 1, character: 0 }, { line: 1, character: 2 }, { line: 2, character: 0 },
    { line: 2, character: 1 }, { line: 3, character: 0 }, { line: 3, character: 1 },
  ]);
});

it('an astral character counts two columns; offsets past the end clamp to it', () => {
  const index = new LineIndex('{"a": "😀", "b": 1}');
  assert.deepEqual(index.positionAt('{"a": "😀", '.length), { line: 0, character: 12 });
  assert.deepEqual(index.positionAt(1_000), { line: 0, character: 19 });
  assert.equal(index.offsetAt({ line: 5, character: 0 }), 19);
});

it('offsetAt inverts positionAt for every offset of any text', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' ', '😀'), maxLength: 60 }), (text) => {
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) assert.equal(index.offsetAt(index.positionAt(offset)), offset);
  }), { numRuns: 200 });
});
