/** What the TextMate grammar tests share: the grammar's shape, loading it, and the checks every grammar must pass. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Captures { [group: string]: { name: string } }
export interface Pattern {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  patterns?: Pattern[];
}
export interface Grammar { scopeName: string; patterns: Pattern[]; repository: Record<string, Pattern> }

/** A grammar of syntaxes/ by file name. */
export function loadGrammar(file: string): Grammar {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', file), 'utf8'));
}

/** A grammar's regex as JavaScript runs it (the grammars keep to what Oniguruma and JS share). */
export const compile = (source: string) => new RegExp(source, 'gd');

export function* allPatterns(patterns: readonly Pattern[]): Generator<Pattern> {
  for (const p of patterns) {
    yield p;
    if (p.patterns) yield* allPatterns(p.patterns);
  }
}

/** The checks of every grammar: its scope name, every include resolves, every regex compiles. */
export function itIsAWellFormedGrammar(grammar: Grammar, scopeName: string): void {
  it('names its scope and resolves every include', () => {
    assert.equal(grammar.scopeName, scopeName);
    for (const p of allPatterns([...grammar.patterns, ...Object.values(grammar.repository)])) {
      if (p.include) assert.ok(grammar.repository[p.include.slice(1)], `unresolved include ${p.include}`);
    }
  });

  it('has only regexes JavaScript compiles', () => {
    for (const p of allPatterns([...grammar.patterns, ...Object.values(grammar.repository)])) {
      for (const source of [p.match, p.begin, p.end]) if (source) assert.doesNotThrow(() => compile(source), source);
    }
  });
}
