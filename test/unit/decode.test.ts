/** Bytes → text as dockerd reads daemon.json: accepted encodings, and the exact byte offset of bad UTF-8. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBytes, MAX_FILE_BYTES } from '../../server/src/engine/decode';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)));
const invalidAt = (b: Uint8Array) => /invalid UTF-8 at byte (\d+):/.exec(decodeBytes(b).problem?.message ?? '')?.[1];

describe('decodeBytes', () => {
  it('accepts UTF-8, UTF-8 with BOM and UTF-16LE with BOM, dropping the BOM', () => {
    assert.deepEqual(decodeBytes(bytes('{"a": "é"}')), { text: '{"a": "é"}' });
    assert.deepEqual(decodeBytes(bytes([0xef, 0xbb, 0xbf], '{}')), { text: '{}' });
    assert.deepEqual(decodeBytes(Uint8Array.from([0xff, 0xfe, ...Buffer.from('{"a": "é"}', 'utf16le')])), { text: '{"a": "é"}' });
  });

  it('refuses UTF-16BE and oversized files with a message, never a throw', () => {
    assert.equal(decodeBytes(bytes([0xfe, 0xff, 0, 0x7b])).problem?.message, 'UTF-16BE is not accepted by dockerd; save the file as UTF-8');
    assert.match(decodeBytes(new Uint8Array(MAX_FILE_BYTES + 1)).problem?.message ?? '', /^file is 16777217 bytes; dockguard lints files up to 16777216 bytes$/);
  });

  it('points at the first ill-formed sequence: stray continuation, overlong form, surrogate, past U+10FFFF, truncation', () => {
    assert.equal(invalidAt(bytes('{"a": "', [0x80], '"}')), '7');
    assert.equal(invalidAt(bytes('{"a":"', [0xc0, 0x80], '"}')), '6');
    assert.equal(invalidAt(bytes('"', [0xed, 0xa0, 0x80], '"')), '1');
    assert.equal(invalidAt(bytes('"', [0xf4, 0x90, 0x80, 0x80], '"')), '1');
    assert.equal(invalidAt(bytes('"é', [0xe2, 0x82])), '3');
  });

  it('the problem keeps the text, with the offending byte at its character offset', () => {
    // "é" is two bytes but one character: byte 9 is character 8 of the text.
    const bad = decodeBytes(bytes('{"a": "é', [0xff], '"}'));
    assert.equal(bad.problem?.offset, 8);
    assert.equal(bad.text, '{"a": "é\ufffd"}');
    const nul = decodeBytes(bytes('{"a":', [0], '}'));
    assert.deepEqual(nul.problem?.offset, 5);
    assert.equal(nul.text[5], '\u0000');
  });

  it('the reported offset is where a strict decoder first fails (any bytes)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const decodes = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (raw) => {
      const input = raw[0] === 0xef || raw[0] === 0xff || raw[0] === 0xfe ? raw.subarray(1) : raw;
      const offset = invalidAt(input);
      if (offset === undefined) return;
      let longestValidPrefix = input.length;
      while (!decodes(input.subarray(0, longestValidPrefix))) longestValidPrefix--;
      assert.equal(Number(offset), longestValidPrefix);
    }), { numRuns: 500 });
  });
});
