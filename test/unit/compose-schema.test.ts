/**
 * The compose-spec schema as dockguard applies it: one problem per cause on the range a user expects
 * (the key of an unknown key, the value of a wrong one), never a cascade of `oneOf` branches; and its
 * verdict (valid or not) agrees, on every corpus file, with a second validator that ajv compiles at
 * run time from the vendored schema.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { parseCompose } from '../../server/src/formats/compose/parse';
import { toPlain } from '../../server/src/formats/compose/yaml-tree';
import { composeSchemaProblems, schemaErrors, wholeSchemaErrors } from '../../server/src/schema/compose-validate';
import { descriptionAt, propertyNamesAt } from '../../server/src/schema/compose-schema';
import { CORPUS } from '../corpus-location';

function problemsOf(text: string): string[] {
  return composeSchemaProblems(parseCompose('compose.yaml', text)).map((p) => `${p.kind} ${p.path.join('.')} ${text.slice(p.span.start, p.span.end)}: ${p.problem}`);
}

describe('compose schema problems', () => {
  it('put an unknown key at the key and a wrong value at the value', () => {
    assert.deepEqual(problemsOf('services:\n  web:\n    image: nginx\n    restrat: always\n    cap_add: ALL\n'), [
      'unknown services.web.restrat restrat: is not a key Compose knows',
      'invalid services.web.cap_add ALL: must be an array, not the string "ALL"',
    ]);
  });

  it('say once what a oneOf wanted, or only what the branch of the value\'s type found', () => {
    assert.deepEqual(problemsOf('services:\n  web:\n    image: x\n    ports: [true, {target: 80, published: [1]}]\n    build: 3\n    volumes: [{source: a, target: /a}]\n'), [
      'invalid services.web.ports.0 true: must be a number, a string or an object, not the boolean true',
      'invalid services.web.ports.1.published [1]: must be a string or an integer, not an array',
      'invalid services.web.build 3: must be a string or an object, not the number 3',
      'invalid services.web.volumes.0 {source: a, target: /a}: is missing "type"',
    ]);
  });

  it('report a value inside an anchor once, however many services reach it', () => {
    assert.deepEqual(problemsOf('x-base: &base {privileged: [yes]}\nservices:\n  a: {<<: *base, image: x}\n  b: {<<: *base, image: x}\n'), [
      'invalid services.a.privileged [yes]: must be a boolean or a string, not an array',
    ]);
  });

  it('accept interpolation wherever compose-spec does, and refuse a malformed "${"', () => {
    assert.deepEqual(problemsOf('services:\n  web:\n    image: "nginx:${TAG:-1}"\n    privileged: ${PRIV}\n    command: echo 5$ ${1}\n'), [
      'invalid services.web.command echo 5$ ${1}: has a "${" Compose cannot interpolate (a variable name is a letter or "_" then letters, digits, "_"; write "$$" for a literal "$")',
    ]);
  });

  it('know the keys and descriptions by path, through $refs and oneOf', () => {
    assert.ok(propertyNamesAt(['services', 'web']).includes('restart'));
    assert.deepEqual(propertyNamesAt(['services', 'web', 'deploy', 'resources', 'limits']), ['cpus', 'memory', 'pids']);
    assert.match(descriptionAt(['services', 'web', 'read_only']) ?? '', /read only/);
  });
});

function* composeFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* composeFiles(full);
    else if (/\.ya?ml$/.test(name)) yield full;
  }
}

describe('compose schema verdicts', { skip: CORPUS ? false : 'no corpus' }, () => {
  it('agree with ajv compiled at run time from the vendored schema, on every corpus file', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/compose-spec/compose-spec.json'), 'utf8'));
    delete schema.$schema;
    const second = new Ajv({ strict: false }).compile(schema);
    const disagreements: string[] = [];
    for (const path of composeFiles(join(CORPUS!, 'compose'))) {
      const file = parseCompose(path, readFileSync(path, 'utf8'));
      if (!file.root) continue;
      const ours = composeSchemaProblems(file).filter((p) => !p.problem.includes('interpolate')).length === 0;
      const theirs = second(toPlain(file.root));
      if (ours !== theirs) disagreements.push(`${relative(CORPUS!, path)}: dockguard says ${ours ? 'valid' : 'invalid'}, ajv ${theirs ? 'valid' : 'invalid'}`);
    }
    assert.deepEqual(disagreements, []);
  });
});

describe('compose schema errors service by service', () => {
  const cases = [
    'services:\n  web:\n    image: 3\n    restrat: always\n  "bad name!":\n    image: x\n  db: null\n  "1":\n    ports: [{target: x}]\nversion: 3\nnetworks: {n: {driver: 4}}\nfoo: 1\n',
    'services:\n  a/b~c: {image: [x]}\n  ok: {cap_add: ALL, ports: ["80:80", {published: true}]}\n',
    'services: [web]\n',
    'name: 3\nservices:\n  web: {build: {context: 3}, deploy: {resources: {limits: {cpus: []}}}}\nvolumes: 4\n',
  ];
  it('gives the errors of validating the whole document, in its order, on the corpus and on invalid files', () => {
    const texts = [...cases, ...(CORPUS ? [...composeFiles(join(CORPUS, 'compose'))].map((path) => readFileSync(path, 'utf8')) : [])];
    for (const text of texts) {
      const file = parseCompose('compose.yaml', text);
      if (!file.root) continue;
      const plain = toPlain(file.root);
      assert.deepEqual(schemaErrors(plain), wholeSchemaErrors(plain), text.slice(0, 200));
    }
    assert.ok(wholeSchemaErrors(toPlain(parseCompose('compose.yaml', cases[0]).root!)).length >= 6, 'the invalid cases are invalid');
  });
});
