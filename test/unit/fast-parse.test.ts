/**
 * The strict JSON fast path (server/src/formats/daemon-json/fast-parse.ts) must build exactly the tree
 * jsonc-parser builds — every field, parent links included — and decline anything that is not strict
 * JSON, so daemon.json's diagnostics cannot depend on which path parsed the file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseStrictJson } from '../../server/src/formats/daemon-json/fast-parse';
import { MAX_JSON_DEPTH, parseDaemonJson } from '../../server/src/formats/daemon-json/parse';

const RUNS = { numRuns: 300 };

function joncTree(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  return { root, errors };
}

/** A node without its `parent` cycle, listing its own keys, after checking each child points back at it. */
function plain(node: Node): unknown {
  const children = node.children?.map((child) => {
    assert.equal(child.parent, node, `the parent of the ${child.type} at ${child.offset}`);
    return plain(child);
  });
  return { keys: Object.keys(node).sort(), type: node.type, offset: node.offset, length: node.length, value: node.value, colonOffset: node.colonOffset, children };
}

function assertSameTree(text: string): void {
  const fast = parseStrictJson(text, MAX_JSON_DEPTH);
  const { root, errors } = joncTree(text);
  assert.deepEqual(errors, [], `generated text is not valid JSON: ${JSON.stringify(text)}`);
  assert.ok(fast, `the fast parser declined strict JSON: ${JSON.stringify(text)}`);
  assert.ok(root);
  assert.equal('parent' in fast, false, 'the root has no parent property, as in jsonc-parser');
  assert.deepEqual(plain(fast), plain(root));
}

/** JSON's insignificant whitespace, CRLF included, in the amounts people (and minifiers) use. */
const whitespace = fc.constantFrom('', '', ' ', '  ', '\n', '\r\n', '\n    ', '\r\n\t\t', '\t', ' \n \r ');

/** Every way of writing a string's characters: raw, escaped shortly, \u with either case of hex. */
function stringLiteral(value: string, style: number): string {
  let out = '"';
  for (const char of value) {
    for (let i = 0; i < char.length; i++) {
      const code = char.charCodeAt(i);
      const unit = char[i];
      const hex = code.toString(16).padStart(4, '0');
      const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
      if (code < 0x20 || unit === '"' || unit === '\\') out += short[unit] ?? `\\u${hex}`;
      else if (style === 1 && unit === '/') out += '\\/';
      else if (style === 2 && (code > 0x7e || (code + i) % 3 === 0)) out += `\\u${hex}`;
      else if (style === 3 && (code > 0x7e || code % 2 === 0)) out += `\\u${hex.toUpperCase()}`;
      else out += unit;
    }
  }
  return out + '"';
}

const oddString = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }), // lone surrogates, astral characters
  fc.constantFrom('', 'a/b', 'tab\there', 'line\nbreak', '\u0000\u001f', '\ud800', '\udc00x', '😀', '\u2028\u2029', 'é', 'C:\\docker', '"quoted"'),
);
const stringToken = fc.tuple(oddString, fc.integer({ min: 0, max: 3 })).map(([s, style]) => stringLiteral(s, style));

/** Number tokens of every shape JSON allows, beside those JSON.stringify writes. */
const numberToken = fc.oneof(
  fc.tuple(fc.boolean(), fc.oneof(fc.constant('0'), fc.bigInt({ min: 1n, max: 10n ** 25n }).map(String)), fc.option(fc.nat().map(String)), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.nat({ max: 400 }))))
    .map(([negative, int, frac, exp]) => `${negative ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : exp.join('')}`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('-0', '1e5', '1.5E-3', '0.0', '-0.0e-0', '1E400', '-1e-400', '9007199254740993'),
);

const scalarToken = fc.oneof(stringToken, numberToken, fc.constantFrom('true', 'false', 'null'));

/** A JSON text built from tokens and whitespace, so the layout varies as much as the values. */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarToken,
    fc.tuple(fc.array(fc.tuple(whitespace, tie('value'), whitespace), { maxLength: 4 }), whitespace)
      .map(([items, ws]) => `[${items.length === 0 ? ws : items.map(([a, v, b]) => a + v + b).join(',')}]`),
    fc.tuple(fc.array(fc.tuple(whitespace, stringToken, whitespace, whitespace, tie('value'), whitespace), { maxLength: 4 }), whitespace)
      .map(([members, ws]) => `{${members.length === 0 ? ws : members.map(([a, k, b, c, v, d]) => `${a}${k}${b}:${c}${v}${d}`).join(',')}}`),
  ),
})).value.chain((value) => fc.tuple(whitespace, whitespace).map(([before, after]) => before + value + after));

describe('fast strict JSON parser', () => {
  it('builds the same tree as jsonc-parser for generated strict JSON', () => {
    fc.assert(fc.property(jsonText, assertSameTree), RUNS);
  });

  it('builds the same tree as jsonc-parser for fast-check JSON values, pretty and minified', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, indent) => assertSameTree(JSON.stringify(value, null, indent))), RUNS);
  });

  it('either declines or agrees with an error-free jsonc-parser on damaged JSON (a character deleted, replaced or inserted)', () => {
    const damaged = fc.tuple(jsonText, fc.nat(), fc.constantFrom('', ',', '/', '/*', '//', '}', ']', '"', '\\', '0', '-', '.', 'e', '\u00a0', '\ufeff', '\u0001', 'x')).map(([text, at, insert]) => {
      const i = at % (text.length + 1);
      return at % 2 === 0 ? text.slice(0, i) + insert + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i);
    });
    fc.assert(fc.property(damaged, (text) => {
      const fast = parseStrictJson(text, MAX_JSON_DEPTH);
      if (fast === undefined) return;
      const { root, errors } = joncTree(text);
      assert.deepEqual(errors, [], `the fast parser accepted what jsonc-parser reports: ${JSON.stringify(text)}`);
      assert.deepEqual(plain(fast), plain(root!));
    }), { numRuns: 1000 });
  });

  it('keeps escapes, lone surrogates and odd numbers exactly as jsonc-parser values them', () => {
    const text = '{"a": "\\ud800", "b": "\udc00", "c": "\\uD83D\\uDE00", "d": -0, "e": 1E400, "f": "\\/\\b\\f\\n\\r\\t\\"\\\\", "g": null}';
    assertSameTree(text);
    const values = parseStrictJson(text, MAX_JSON_DEPTH)!.children!.map((property) => property.children![1].value);
    assert.deepEqual(values, ['\ud800', '\udc00', '😀', -0, Infinity, '/\b\f\n\r\t"\\', null]);
    assert.ok(Object.is(values[3], -0));
  });

  const declined: [string, string][] = [
    ['a line comment', '{\n  // dockerd refuses this\n  "icc": false\n}'],
    ['a block comment', '{ /* x */ "icc": false }'],
    ['a trailing comma in an object', '{ "icc": false, }'],
    ['a trailing comma in an array', '{ "hosts": ["fd://",] }'],
    ['a missing comma', '{ "a": 1 "b": 2 }'],
    ['truncated input', '{ "icc": fal'],
    ['an unterminated string', '{ "icc'],
    ['an unclosed object', '{ "icc": false'],
    ['a leading zero', '{ "a": 01 }'],
    ['a bare minus', '[-]'],
    ['a fraction without digits', '[1.]'],
    ['an exponent without digits', '[1e+]'],
    ['a raw line break in a string', '["a\nb"]'],
    ['a control character in a string', '["a\u0001b"]'],
    ['an unknown escape', '["\\x41"]'],
    ['a short \\u escape', '["\\u12"]'],
    ['a byte order mark', '\ufeff{}'],
    ['a no-break space', '{\u00a0}'],
    ['single quotes', "{'a': 1}"],
    ['a word that only starts like a literal', '[trueish]'],
    ['text after the value', '{} {}'],
    ['an empty text', ''],
    ['whitespace only', ' \n '],
    ['nesting past the limit', '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)],
  ];
  for (const [what, text] of declined) {
    it(`declines ${what}`, () => {
      assert.equal(parseStrictJson(text, MAX_JSON_DEPTH), undefined);
    });
  }

  it('accepts nesting exactly at the limit', () => {
    assertSameTree('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH));
  });

  it('parses the example hosts\' daemon.json files (the path every keystroke should take)', () => {
    for (const host of ['insecure-host', 'hardened-host']) {
      assertSameTree(readFileSync(join(__dirname, '..', '..', 'examples', host, 'etc', 'docker', 'daemon.json'), 'utf8'));
    }
  });
});

describe('parseDaemonJson on the fast path', () => {
  it('still reports a root that is not an object', () => {
    const file = parseDaemonJson('daemon.json', '[]');
    assert.equal(file.root?.type, 'array');
    assert.deepEqual(file.syntaxErrors, [{ span: { start: 0, end: 2 }, message: 'daemon.json must hold a JSON object, not an array' }]);
    assert.deepEqual(file.properties, []);
  });

  it('gives the members with spans and paths, and no strictness problems', () => {
    const file = parseDaemonJson('daemon.json', '{\r\n  "icc": false,\r\n  "log-opts": {"max-size": "10m"}\r\n}\r\n');
    assert.deepEqual(file.strictnessErrors, []);
    assert.deepEqual(file.syntaxErrors, []);
    assert.deepEqual(file.properties.map((p) => ({ key: p.key, keySpan: p.keySpan, span: p.span, path: p.path, type: p.value.type })), [
      { key: 'icc', keySpan: { start: 5, end: 10 }, span: { start: 5, end: 17 }, path: ['icc'], type: 'boolean' },
      { key: 'log-opts', keySpan: { start: 22, end: 32 }, span: { start: 22, end: 53 }, path: ['log-opts'], type: 'object' },
    ]);
  });

  it('still reports comments and trailing commas through the tolerant path', () => {
    const file = parseDaemonJson('daemon.json', '{\n  // note\n  "icc": false,\n}\n');
    assert.deepEqual(file.strictnessErrors.map((p) => p.span), [{ start: 4, end: 11 }, { start: 26, end: 27 }]);
    assert.deepEqual(file.properties.map((p) => p.key), ['icc']);
  });
});
