/** A Compose project's `.env` as compose-go's dotenv reads it, and interpolation with what it sets. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDotenv } from '../../server/src/formats/compose/dotenv';
import { interpolate, substituteKnown } from '../../server/src/formats/compose/interpolation';

test('.env: export, quotes, comments, escapes and earlier variables', () => {
  const env = parseDotenv('.env', [
    '# a comment',
    'export TAG=1.27',
    'IMAGE=nginx:${TAG}  # trailing comment',
    "LITERAL='${TAG} stays'",
    'QUOTED="a\\nb # not a comment"',
    'MULTI="one',
    'two"',
    'FROM_SHELL=${HOME}/x',
    'DEFAULTED=${UNSET:-fallback}',
    'YAMLISH: yes',
    'not a variable line',
  ].join('\n'));
  assert.deepEqual(Object.fromEntries([...env.variables].map(([k, v]) => [k, v.value])), {
    TAG: '1.27',
    IMAGE: 'nginx:1.27',
    LITERAL: '${TAG} stays',
    QUOTED: 'a\nb # not a comment',
    MULTI: 'one\ntwo',
    FROM_SHELL: undefined,
    DEFAULTED: 'fallback',
    YAMLISH: 'yes',
  });
  assert.deepEqual(env.syntaxErrors, [], 'a .env never reports');
});

test('known variables are substituted, unknown ones stay unknown, a `$` in a value stays literal', () => {
  const vars = new Map<string, string | undefined>([['PORT', '8080'], ['EMPTY', ''], ['PRICE', '$5']]);
  const lookup = (name: string) => vars.get(name);
  const read = (value: string) => interpolate(substituteKnown(value, lookup)).text.split('\u0000').join('?');
  assert.equal(read('${PORT}:80'), '8080:80');
  assert.equal(read('$PORT'), '8080');
  assert.equal(read('${HOST_IP}:${PORT}:80'), '?:8080:80');
  assert.equal(read('${UNSET:-127.0.0.1}'), '?', 'the shell may set it');
  assert.equal(read('${EMPTY:-default}'), 'default');
  assert.equal(read('${EMPTY-default}'), '');
  assert.equal(read('${PORT:+on}'), 'on');
  assert.equal(read('${EMPTY:+on}'), '');
  assert.equal(read('${PORT:?required}'), '8080');
  assert.equal(read('${PRICE}'), '$5');
  assert.equal(read('$$PORT'), '$PORT');
});
