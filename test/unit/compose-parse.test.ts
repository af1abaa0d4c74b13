/**
 * The Compose model as a user would check it against `docker compose config`: anchors, merge keys,
 * `!reset`/`!override`, several documents, `extends` within the file, interpolation, and every port
 * and volume syntax; each effective value still points at the text that sets it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCompose } from '../../server/src/formats/compose/parse';
import { interpolate, UNKNOWN } from '../../server/src/formats/compose/interpolation';
import { toPlain } from '../../server/src/formats/compose/yaml-tree';
import { mountsOf } from '../../server/src/model/compose/mounts';
import { onEveryInterface, publishedPorts } from '../../server/src/model/compose/ports';
import { buildServices, type Service } from '../../server/src/model/compose/services';
import { setting } from '../../server/src/model/compose/values';
import { composeSchemaProblems } from '../../server/src/schema/compose-validate';

const servicesOf = (path: string, text: string) => buildServices(parseCompose(path, text));
const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

function service(text: string, name: string): Service {
  const found = servicesOf('compose.yaml', text).find((s) => s.name === name);
  assert.ok(found, `no service ${name}`);
  return found;
}

const settings = (s: Service) => toPlain(s.settings);

describe('compose parsing', () => {
  it('resolves merge keys: the map itself wins, then earlier merged maps; values point into the anchor', () => {
    const text = 'x-a: &a {privileged: true, user: a}\nx-b: &b {user: b, read_only: true}\nservices:\n  web:\n    <<: [*a, *b]\n    image: nginx\n';
    const web = service(text, 'web');
    assert.deepEqual(settings(web), { image: 'nginx', privileged: true, user: 'a', read_only: true });
    const privileged = setting(web, 'privileged')!;
    assert.equal(at(text, privileged.keySpan), 'privileged');
    assert.ok(privileged.keySpan.start < text.indexOf('services'), 'the key is the anchor\'s');
    assert.equal(at(text, privileged.mergedFrom!), '*a');
  });

  it('shares an aliased node instead of copying it', () => {
    const web = servicesOf('compose.yaml', 'x: &caps [SYS_ADMIN]\nservices:\n  a: {image: x, cap_add: *caps}\n  b: {image: x, cap_add: *caps}\n');
    assert.equal(setting(web[0], 'cap_add')!.value, setting(web[1], 'cap_add')!.value);
  });

  it('!reset removes a key (merged ones too); !override replaces a list across documents', () => {
    const text = 'x: &base {image: x, ports: ["80:80"], user: root}\nservices:\n  web:\n    <<: *base\n    user: !reset null\n---\nservices:\n  web:\n    ports: !override ["127.0.0.1:80:80"]\n';
    assert.deepEqual(settings(service(text, 'web')), { image: 'x', ports: ['127.0.0.1:80:80'] });
  });

  it('merges later documents onto earlier ones as Compose merges files', () => {
    const text = 'services:\n  web:\n    image: x\n    cap_add: [NET_ADMIN]\n---\nservices:\n  web:\n    cap_add: [SYS_TIME]\n    command: [a]\n';
    const web = service(text, 'web');
    assert.deepEqual(settings(web), { image: 'x', cap_add: ['NET_ADMIN', 'SYS_TIME'], command: ['a'] });
    assert.equal(web.keySpan.start, text.lastIndexOf('web'), 'the service is reported in the last document that defines it');
  });

  it('resolves extends within the file; an extends of another file is a partial service', () => {
    const text = 'services:\n  base: {image: x, privileged: true}\n  web: {extends: base, user: app}\n  other: {extends: {file: common.yaml, service: x}}\n  loop: {extends: loop}\n';
    assert.deepEqual(settings(service(text, 'web')), { image: 'x', privileged: true, extends: 'base', user: 'app' });
    assert.equal(service(text, 'web').partial, false);
    assert.equal(service(text, 'other').partial, true);
    assert.equal(service(text, 'loop').partial, true);
  });

  it('marks partials: no image and no build, or any service of an override file', () => {
    const text = 'services:\n  a: {ports: ["80:80"]}\n  b: {build: .}\n';
    assert.deepEqual(servicesOf('compose.yaml', text).map((s) => [s.name, s.partial]), [['a', true], ['b', false]]);
    assert.deepEqual(servicesOf('compose.override.yaml', text).map((s) => s.partial), [true, true]);
  });

  it('refuses an alias bomb with a finding at the alias, quickly', () => {
    let text = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n';
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) text += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]\n`;
    const started = Date.now();
    const file = parseCompose('compose.yaml', text);
    assert.ok(Date.now() - started < 2000);
    assert.equal(file.root, undefined);
    assert.deepEqual(file.syntaxErrors.map((e) => [e.message, at(text, e.span)]), [['aliases expand this document past 100,000 values (an alias bomb?): it is not analysed', '*g']]);
  });

  it('reports YAML errors without the excerpt yaml appends, and never throws', () => {
    const file = parseCompose('compose.yaml', 'services:\n  web:\n    image: x\n    image: y\n');
    assert.deepEqual(file.syntaxErrors.map((e) => e.message), ['map keys must be unique']);
    assert.deepEqual(parseCompose('compose.yaml', '- a\n- b\n').syntaxErrors.map((e) => e.message), ['a Compose file holds a mapping (services:, volumes: …), not a list']);
    assert.deepEqual(parseCompose('compose.yaml', '').syntaxErrors, []);
    assert.deepEqual(parseCompose('compose.yaml', '# only a comment\n').comments, [{ start: 0, end: 16 }]);
  });
});

describe('interpolation', () => {
  it('leaves only the interpolated part unknown', () => {
    assert.equal(interpolate('${PORT:-80}:80').text, `${UNKNOWN}:80`);
    assert.equal(interpolate('$$HOME/${A:-${B}}x$C').text, `$HOME/${UNKNOWN}x${UNKNOWN}`);
    assert.equal(interpolate('${A:?must be set} ${B-x} ${C:+y}').text, `${UNKNOWN} ${UNKNOWN} ${UNKNOWN}`);
    assert.equal(interpolate('^latest$ $(date) 5$').text, '^latest$ $(date) 5$');
    assert.equal(interpolate('${1}').invalidAt, 0);
    assert.equal(interpolate('${unclosed').invalidAt, 0);
  });
});

describe('compose ports and volumes', () => {
  const web = (lines: string) => service(`services:\n  web:\n    image: x\n${lines}`, 'web');
  const ports = (items: string) => publishedPorts(web(`    ports: [${items}]\n`)).map((p) => `${p.hostIp ?? '-'} ${p.hostPort ?? '-'} ${p.containerPort} ${onEveryInterface(p) ? 'all' : 'one'}`);

  it('reads every port syntax', () => {
    assert.deepEqual(ports('80, "8080:80", "127.0.0.1:8080:80", "[::1]:80:80", "::1:81:81", "0.0.0.0:443:443/tcp", "8000-8010:8000-8010/udp", {target: 80, published: "8080", host_ip: 127.0.0.1}, {target: 90}'), [
      '- - 80 all', '- 8080 80 all', '127.0.0.1 8080 80 one', '::1 80 80 one', '::1 81 81 one', '0.0.0.0 443 443 all', '- 8000-8010 8000-8010 all', '127.0.0.1 8080 80 one', '- - 90 all',
    ]);
  });

  it('treats an interpolated host port as unknown but the missing address as known; an unknown address judges nothing', () => {
    assert.deepEqual(ports('"${PORT:-80}:80", "${BIND}:80:80", "${PORTS}"'), [`- ${UNKNOWN} 80 all`]);
  });

  it('reads every volume syntax: named volumes are not host paths', () => {
    const mounts = mountsOf(web('    volumes: ["/:/host:ro", "./d:/d", "../d:/d", "~/.ssh:/s:ro,rshared", "${HOME}:/h", "${DATA}/x:/x", "data:/data", "/anon", "${V}:/v", "C:\\\\x:/x", {type: bind, source: /etc, target: /e, read_only: true, bind: {propagation: shared}}]\n'));
    assert.deepEqual(mounts.map((m) => `${m.type} ${m.source?.replace(UNKNOWN, '$') ?? '-'} ${m.target} ${m.readOnly ? 'ro' : 'rw'} ${m.propagation ?? '-'}`), [
      'bind / /host ro -', 'bind ./d /d rw -', 'bind ../d /d rw -', 'bind ~/.ssh /s ro rshared', 'bind $ /h rw -', 'bind $/x /x rw -', 'volume data /data rw -', 'volume - /anon rw -', 'bind C:\\x /x rw -', 'bind /etc /e ro shared',
    ]);
  });
});

describe('compose parsing properties', () => {
  const scalar = fc.constantFrom('x', '"80:80"', '${P:-1}', '$', 'true', '0.0.0.0:80:80', '/:/host', '[SYS_ADMIN]', '{a: 1}', '*a', '&a x', '!reset', '!override []', '', 'null', '- y');
  const key = fc.constantFrom('services', 'web', 'image', 'ports', 'volumes', 'privileged', '<<', 'extends', 'x-a', 'cap_add', '"q"', '? k');
  const line = fc.tuple(fc.nat({ max: 3 }), key, scalar, fc.boolean()).map(([depth, k, v, dash]) => `${'  '.repeat(depth)}${dash ? '- ' : ''}${k}: ${v}`);
  const yamlish = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, docs]) => lines.join(eol) + (docs ? `${eol}---${eol}${lines.slice(0, 3).join(eol)}` : ''));

  it('never throws on any text, and every span lies in it', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), yamlish), (text) => {
      const file = parseCompose('compose.yaml', text);
      composeSchemaProblems(file);
      const inside = (s: { start: number; end: number }) => 0 <= s.start && s.start <= s.end && s.end <= text.length;
      for (const e of file.syntaxErrors) assert.ok(inside(e.span), e.message);
      for (const s of buildServices(file)) {
        assert.ok(inside(s.keySpan));
        for (const m of s.settings.members) assert.ok(inside(m.keySpan) && inside(m.value.span));
        publishedPorts(s);
        mountsOf(s);
      }
    }), { numRuns: 300 });
  });
});
