/**
 * The TextMate grammar for unit files: valid JSON, every include resolves, every regex compiles in
 * JavaScript (the grammar keeps to what Oniguruma and JS share), and the patterns give a sample's
 * tokens the scopes a theme colours: section, directive, comment, continuation, variables,
 * specifiers, and each dockerd flag of a continued ExecStart=.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compile, itIsAWellFormedGrammar, loadGrammar, type Pattern } from './grammar';

const grammar = loadGrammar('systemd-unit.tmLanguage.json');

/** The match-patterns reachable from a pattern, includes resolved. */
function matchPatterns(pattern: Pattern, seen = new Set<Pattern>()): Pattern[] {
  if (seen.has(pattern)) return [];
  seen.add(pattern);
  if (pattern.include) return matchPatterns(grammar.repository[pattern.include.slice(1)], seen);
  const own = pattern.match ? [pattern] : [];
  return [...own, ...(pattern.patterns ?? []).flatMap((p) => matchPatterns(p, seen))];
}

/** Every [scope, text] the match-patterns under `pattern` give on one line, in line order. */
function scopesOf(pattern: Pattern, line: string): [string, string][] {
  const out: [number, string, string][] = [];
  for (const p of matchPatterns(pattern)) {
    for (const m of line.matchAll(compile(p.match!))) {
      if (p.name) out.push([m.index!, p.name, m[0]]);
      for (const [group, capture] of Object.entries(p.captures ?? {})) {
        if (m[Number(group)]) out.push([m.indices![Number(group)]![0], capture.name, m[Number(group)]]);
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, scope, text]) => [scope, text]);
}

const rule = (name: string) => grammar.repository[name];

describe('systemd-unit TextMate grammar', () => {
  itIsAWellFormedGrammar(grammar, 'source.systemd-unit');

  it('scopes sections and comments', () => {
    assert.deepEqual(scopesOf(rule('section'), '[Service]').find(([s]) => s === 'entity.name.section.systemd-unit'), ['entity.name.section.systemd-unit', 'Service']);
    assert.deepEqual(scopesOf(rule('comment'), '  ; old style comment')[0], ['comment.line.number-sign.systemd-unit', '  ; old style comment']);
  });

  it('opens an ExecStart directive with its name and command prefix, and ends it only without a continuation', () => {
    const exec = rule('exec-directive');
    const begin = compile(exec.begin!).exec('ExecStart=-/usr/bin/dockerd -H fd:// \\')!;
    assert.equal(begin[1], 'ExecStart');
    assert.equal(begin[3], '-');
    const end = compile(exec.end!);
    assert.equal(end.test('ExecStart=/usr/bin/dockerd \\'), false);
    end.lastIndex = 0;
    assert.equal(end.test('  --icc=false'), true);
  });

  it('highlights each dockerd flag of a continuation line, with its value, but no dash inside a word', () => {
    const flags = scopesOf(rule('exec-directive'), '    --icc=false -H fd:// --log-opt "max-size=10m" \\')
      .filter(([scope]) => scope.startsWith('variable.parameter.flag') || scope.startsWith('string.unquoted.flag-value'));
    assert.deepEqual(flags, [
      ['variable.parameter.flag.dockerd.systemd-unit', '--icc'],
      ['string.unquoted.flag-value.systemd-unit', 'false'],
      ['variable.parameter.flag.dockerd.systemd-unit', '-H'],
      ['variable.parameter.flag.dockerd.systemd-unit', '--log-opt'],
    ]);
    assert.deepEqual(scopesOf(rule('dockerd-flag'), 'After=network-online.target'), []);
  });

  it('scopes $VAR, ${VAR}, specifiers and the continuation backslash', () => {
    const scopes = scopesOf(rule('exec-directive'), '/usr/bin/dockerd $DOCKER_OPTS ${EXTRA} --pidfile=/run/%N.pid \\');
    assert.deepEqual(scopes.filter(([s]) => s === 'variable.other.environment.systemd-unit').map(([, t]) => t), ['DOCKER_OPTS', 'EXTRA']);
    assert.ok(scopes.some(([s, t]) => s === 'constant.other.placeholder.specifier.systemd-unit' && t === '%N'));
    assert.ok(scopes.some(([s, t]) => s === 'constant.character.escape.line-continuation.systemd-unit' && t === '\\'));
  });

  it('reads DOCKER_OPTS= in an environment file as a directive', () => {
    const begin = compile(rule('directive').begin!).exec('export DOCKER_OPTS="--icc=false"')!;
    assert.deepEqual([begin[1], begin[2]], ['export', 'DOCKER_OPTS']);
  });
});
