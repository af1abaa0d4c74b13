/**
 * The TextMate grammar for audit rules: valid JSON, every include resolves, every regex compiles in
 * JavaScript, its field names are the parser's, and a sample line's tokens get the scopes a theme
 * colours: options, lists and actions, fields and operators, syscalls, paths, permissions, keys, comments.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compile, itIsAWellFormedGrammar, loadGrammar, type Pattern } from './grammar';
import { FIELDS } from '../../server/src/formats/audit/fields';

const grammar = loadGrammar('audit-rules.tmLanguage.json');

/**
 * The [scope, text] pairs the top-level patterns give a line, as a tokenizer would: at each position
 * the first pattern (in order) that matches earliest wins, then scanning resumes after its match.
 */
function tokenize(line: string): [string, string][] {
  const top = grammar.patterns.map((p) => grammar.repository[p.include!.slice(1)]);
  const out: [string, string][] = [];
  let at = 0;
  while (at < line.length) {
    let best: { pattern: Pattern; match: RegExpExecArray } | undefined;
    for (const pattern of top) {
      const re = compile(pattern.match ?? pattern.begin!);
      re.lastIndex = at;
      const match = re.exec(line);
      if (match && (!best || match.index < best.match.index)) best = { pattern, match };
    }
    if (!best) break;
    const { pattern, match } = best;
    const captures = pattern.captures ?? pattern.beginCaptures ?? {};
    if (pattern.name && pattern.match) out.push([pattern.name, match[0]]);
    for (const [group, capture] of Object.entries(captures)) if (match[Number(group)]) out.push([capture.name, match[Number(group)]]);
    at = match.index + Math.max(match[0].length, 1);
    if (pattern.begin) {
      // A begin/end rule: its inner patterns until the end pattern.
      const end = compile(pattern.end!);
      end.lastIndex = at;
      const stop = end.exec(line)?.index ?? line.length;
      const body = line.slice(at, stop);
      for (const inner of pattern.patterns ?? []) for (const m of body.matchAll(compile(inner.match!))) out.push([inner.name!, m[0]]);
      at = stop;
    }
  }
  return out;
}

const scopes = (line: string, prefix: string) => tokenize(line).filter(([s]) => s.startsWith(prefix)).map(([, t]) => t);

describe('audit-rules TextMate grammar', () => {
  itIsAWellFormedGrammar(grammar, 'source.audit-rules');

  it('knows exactly the fields the parser knows', () => {
    const alternation = /\(\?:\(([a-z0-9_|]+)\)\|/.exec(grammar.repository.field.match!.split('(key)')[1])![1];
    assert.deepEqual(alternation.split('|').sort(), FIELDS.map((f) => f.name).sort());
  });

  it('scopes a syscall rule: option, list and action, fields, operators, values, syscalls, key', () => {
    const line = '-a always,exit -F arch=b64 -S open,openat -F auid>=1000 -F exit=-EACCES -k access';
    assert.deepEqual(scopes(line, 'keyword.other.option'), ['-a', '-F', '-S', '-F', '-F', '-k']);
    assert.deepEqual(scopes(line, 'keyword.control.action'), ['always']);
    assert.deepEqual(scopes(line, 'entity.name.type.list'), ['exit']);
    assert.deepEqual(scopes(line, 'variable.parameter.field'), ['arch', 'auid', 'exit']);
    assert.deepEqual(scopes(line, 'keyword.operator.comparison'), ['=', '>=', '=']);
    assert.deepEqual(scopes(line, 'string.unquoted.value'), ['b64', '1000', '-EACCES']);
    assert.deepEqual(scopes(line, 'support.function.syscall'), ['open', 'openat']);
    assert.deepEqual(scopes(line, 'entity.name.tag.key'), ['access']);
  });

  it('scopes a watch, its permissions and key, and flags bad permissions and unknown fields', () => {
    assert.deepEqual(tokenize('-w /etc/docker/daemon.json -p wa -k docker'), [
      ['keyword.other.option.audit-rules', '-w'],
      ['string.unquoted.path.audit-rules', '/etc/docker/daemon.json'],
      ['keyword.other.option.audit-rules', '-p'],
      ['storage.modifier.permission.audit-rules', 'wa'],
      ['keyword.other.option.audit-rules', '-k'],
      ['entity.name.tag.key.audit-rules', 'docker'],
    ]);
    assert.deepEqual(scopes('-w /etc -p wz', 'invalid.illegal.permission'), ['wz']);
    assert.deepEqual(scopes('-a exit,always -F auidd=0', 'invalid.illegal.field'), ['auidd']);
    assert.deepEqual(scopes('-a exit,always -C uid!=euid', 'variable.parameter.field'), ['uid', 'euid']);
  });

  it('scopes comments, control options and their numbers', () => {
    assert.deepEqual(tokenize('  # Increase the buffers'), [['comment.line.number-sign.audit-rules', '  # Increase the buffers'], ['punctuation.definition.comment.audit-rules', '#']]);
    assert.deepEqual(tokenize('-b 8192'), [['keyword.other.option.audit-rules', '-b'], ['constant.numeric.audit-rules', '8192']]);
    assert.deepEqual(tokenize('--backlog_wait_time 60000'), [['keyword.other.option.audit-rules', '--backlog_wait_time'], ['constant.numeric.audit-rules', '60000']]);
  });
});
