/**
 * Parsing by pieces (formats/compose/pieces.ts) must give what parsing the whole text gives: the same
 * tree (keys, values, spans, merge origins), comments and pragma statements, on every Compose file of
 * the corpus and the fixtures, and after edits that reuse and move the pieces of the last parse.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { Parser } from 'yaml';
import { join } from 'node:path';
import { benchCompose } from '../../bench/compose';
import { parseCompose, parseWhole, type ComposeFile } from '../../server/src/formats/compose/parse';
import { CORPUS } from '../corpus-location';

const ROOT = join(__dirname, '..', '..');

function composeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : composeFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const FILES = [...composeFiles(join(ROOT, 'test', 'rules')), ...composeFiles(join(ROOT, 'examples')), ...(CORPUS ? composeFiles(join(CORPUS, 'compose')) : [])];

/** What a rule or a feature reads of a parse. */
const seen = (file: ComposeFile) => ({ syntaxErrors: file.syntaxErrors, documents: file.documents, root: file.root, comments: file.comments, statements: [...file.statements].sort((a, b) => a.start - b.start || a.end - b.end) });

function assertSameAsWhole(path: string, text: string): void {
  assert.deepEqual(seen(parseCompose(path, text)), seen(parseWhole(path, text)), `${path} parsed by pieces differs from the whole parse`);
}

describe('Compose parse by pieces', () => {
  it('gives the whole parse on every Compose file of the fixtures and the corpus', () => {
    assert.ok(FILES.length > 100, `only ${FILES.length} files found`);
    for (const file of FILES) assertSameAsWhole(file, readFileSync(file, 'utf8'));
  });

  it('gives the whole parse after edits that change, move, add and remove pieces', () => {
    const path = '/pieces/compose.yaml';
    let text = benchCompose(6);
    const edits: [string, string][] = [
      ['read_only: true', 'read_only: false'], // a value in the first service: every later piece moves
      ['restart: on-failure:5', 'restart: always'], // the anchor: every service that merges it is read again
      ['  svc-3:\n', '  svc-3:\n    privileged: true\n'],
      ['  svc-2:\n    <<: *defaults\n', '  svc-2:\n    <<: *defaults\n  svc-9:\n    image: x\n'],
      ['  svc-9:\n    image: x\n', ''],
      ['\nvolumes:\n', '\n# the data\nvolumes:   # named volumes\n'],
      ['\nvolumes:   # named volumes\n', '\nvolumes:#x\n'], // one scalar key, not a key and a comment
      ['\nvolumes:#x\n', '\nvolumes:\n'],
      ['cap_drop: [ALL]', 'cap_drop: [ALL'], // a syntax error: the whole parse speaks
      ['cap_drop: [ALL', 'cap_drop: [ALL]'],
      ['  svc-1:', '  svc-0:'], // a key written twice
      ['  svc-0:\n    <<: *defaults\n    image: registry.internal/svc-1', '  svc-1:\n    <<: *defaults\n    image: registry.internal/svc-1'],
    ];
    assertSameAsWhole(path, text);
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      assertSameAsWhole(path, text);
      assertSameAsWhole(path, text); // and again, every piece reused where it was
    }
  });

  it('reads again only the piece an edit changed, however long the file', (t) => {
    const path = '/pieces/reuse/compose.yaml';
    const text = benchCompose(40);
    parseCompose(path, text);
    const read: string[] = [];
    const parse = Parser.prototype.parse;
    t.mock.method(Parser.prototype, 'parse', function (this: Parser, source: string, incomplete?: boolean) {
      read.push(source);
      return parse.call(this, source, incomplete);
    });
    const edited = text.replace('read_only: true', 'read_only: false');
    const file = parseCompose(path, edited);
    assert.deepEqual(read, [edited.slice(edited.indexOf('  svc-0:'), edited.indexOf('  svc-1:'))]);
    assert.deepEqual(seen(file), seen(parseWhole(path, edited)));
  });

  it('gives the whole parse after random keystrokes in real files (reusing each previous parse)', () => {
    const keystrokes = ['\n', ' ', '  ', '#', ':', ': ', '- ', 'x', '"', "'", '&a ', '*a', '<<: *a\n', '{', '[', '\n  ', '\nk: v\n'];
    let seed = 13;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (const file of FILES.filter((_, i) => i % 4 === 0)) {
      const path = `/pieces/random/${file}`;
      let text = readFileSync(file, 'utf8');
      parseCompose(path, text);
      for (let i = 0; i < 12; i++) {
        const at = random(text.length + 1);
        text = random(3) === 0 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + keystrokes[random(keystrokes.length)] + text.slice(at);
        assertSameAsWhole(path, text);
      }
    }
  });
});
