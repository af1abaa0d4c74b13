/**
 * Layers point one way (docs/ARCHITECTURE.md): front ends → engine → models → formats. Read from
 * the import statements of server/src, so a new import against the grain fails here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const SRC = resolve(__dirname, '../../server/src');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (full.endsWith('.ts')) yield full;
  }
}

/** Every relative import of server/src, as `from-folder → to-folder` pairs with the file. */
function imports(): { from: string; to: string; file: string }[] {
  const found: { from: string; to: string; file: string }[] = [];
  for (const file of sources(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gm)) {
      const target = relative(SRC, resolve(dirname(file), match[1]));
      if (target.startsWith('..')) continue;
      found.push({ from: relative(SRC, file).split('/')[0], to: target.split('/')[0], file: relative(SRC, file) });
    }
  }
  return found;
}

/** What each folder may import besides itself (the top-level files registry.ts, server.ts, protocol.ts are front-end glue). */
const ALLOWED: Record<string, string[]> = {
  'engine': [],
  'formats': ['engine'],
  'model': ['engine', 'formats'],
  'models': ['engine', 'model', 'formats'],
  'schema': ['engine', 'model', 'formats'],
  'features': ['engine', 'model', 'formats', 'schema'],
  'kinds': ['engine', 'formats', 'features', 'model', 'schema'],
  'rules': ['engine', 'model', 'formats', 'schema'],
};

test('each layer imports only the layers below it', () => {
  const against = imports().filter(({ from, to }) => from !== to && ALLOWED[from] !== undefined && !ALLOWED[from].includes(to));
  assert.deepEqual(against.map(({ file, to }) => `${file} imports ${to}/`), []);
});

test('the language server never imports the CLI, and the engine no kind, model or rule', () => {
  const all = imports();
  assert.deepEqual(all.filter(({ from, to }) => from === 'lsp' && to === 'cli').map((i) => i.file), []);
  assert.deepEqual(all.filter(({ from, to }) => from === 'engine' && ['kinds', 'models', 'rules', 'model', 'registry.ts'].includes(to)).map((i) => i.file), []);
});
