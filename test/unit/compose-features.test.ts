/** Hover and completion in a Compose file, as the editor asks for them (offsets in, text out). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { composeCompletion } from '../../server/src/features/compose/completion';
import { composeHover } from '../../server/src/features/compose/hover';
import { parseCompose } from '../../server/src/formats/compose/parse';
import kind from '../../server/src/kinds/compose';

/** The labels offered at the `|` of `text`. */
function labels(withCursor: string): string[] {
  const offset = withCursor.indexOf('|');
  const text = withCursor.replace('|', '');
  return composeCompletion(parseCompose('compose.yaml', text), offset).map((e) => e.label);
}

describe('compose hover', () => {
  it('shows compose-spec\'s description of the key, over the key', () => {
    const text = 'services:\n  web:\n    image: x\n    cap_drop: [ALL]\n';
    const hover = composeHover(parseCompose('compose.yaml', text), text.indexOf('cap_drop') + 3);
    assert.ok(hover);
    assert.equal(text.slice(hover.span.start, hover.span.end), 'cap_drop');
    assert.match(hover.markdown, /^\*\*services\.web\.cap_drop\*\*\n\n.*capabilit/i);
    assert.equal(composeHover(parseCompose('compose.yaml', text), text.indexOf('ALL')), undefined, 'a value is the user\'s own data');
  });
});

describe('compose completion', () => {
  it('offers the keys a mapping allows, not those already there', () => {
    const offered = labels('services:\n  web:\n    image: x\n    re|\n');
    assert.ok(offered.includes('read_only') && offered.includes('restart'));
    assert.ok(!offered.includes('image'));
    assert.deepEqual(labels('serv|'), ['version', 'name', 'include', 'services', 'models', 'networks', 'volumes', 'secrets', 'configs']);
  });

  it('knows the keys of a list item\'s mapping and of nested mappings', () => {
    assert.deepEqual(labels('services:\n  web:\n    volumes:\n      - type: bind\n        bind:\n          p|\n'), ['propagation', 'create_host_path', 'recursive', 'selinux']);
    assert.ok(labels('services:\n  web:\n    ports:\n      - |\n').includes('host_ip'));
  });

  it('offers the values of a key: enums, booleans and the usual restart policies', () => {
    assert.deepEqual(labels('services:\n  web:\n    read_only: |\n'), ['true', 'false']);
    assert.deepEqual(labels('services:\n  web:\n    restart: o|\n'), ['no', 'always', 'on-failure', 'on-failure:5', 'unless-stopped']);
  });
});

describe('compose detection', () => {
  it('claims Compose file names and their override and variant forms, and no other YAML', () => {
    const claimed = (path: string) => kind.matches(path);
    for (const path of ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'app/docker-compose.yml', 'compose.override.yaml', 'docker-compose.prod.yml', 'docker-compose.test.override.yml', 'app.compose.yaml', 'docker-elk/metricbeat-compose.yml', 'docker-compose-dev.yml']) {
      assert.ok(claimed(path), path);
    }
    for (const path of ['.github/workflows/ci.yml', 'values.yaml', 'compose/values.yaml', 'decompose.yaml', '.dockguard.yaml', 'compose.json']) {
      assert.ok(!claimed(path), path);
    }
  });
});
