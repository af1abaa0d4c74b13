/** Reading below a root that stands for `/`: links stay inside it, and systemd's unit path is followed. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { RootFs } from '../../server/src/host/root-fs';
import { discoverHost } from '../../server/src/host/discover';
import { chmodRemoving, shellQuote } from '../../server/src/model/host-permissions';
import { parseHostFacts } from '../../server/src/formats/host-facts/parse';

function tree(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'dockguard-rootfs-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

describe('RootFs.resolve', () => {
  const root = tree({ 'run/docker.sock': '', 'etc/real.json': '{}' }, {
    'var/run': '/run',
    'etc/abs.json': '/etc/real.json',
    'etc/climb.json': '../../../../../../etc/real.json',
    'etc/loop-a': 'loop-b',
    'etc/loop-b': 'loop-a',
    'etc/dangling': '/nowhere/at/all',
  });
  const fs = new RootFs(root);

  it('follows an absolute link inside the root', () => {
    const resolved = fs.resolve('/var/run/docker.sock');
    assert.equal(resolved.logical, '/run/docker.sock');
    assert.equal(resolved.real, join(root, 'run/docker.sock'));
    assert.ok(resolved.stat?.isFile());
    assert.equal(fs.read('/etc/abs.json').text, '{}');
  });

  it('never climbs above the root with ..', () => {
    assert.equal(fs.resolve('/etc/climb.json').logical, '/etc/real.json');
    assert.equal(fs.resolve('/../../etc/real.json').logical, '/etc/real.json');
  });

  it('says ELOOP for a loop and nothing is there for a dangling link', () => {
    assert.equal(fs.resolve('/etc/loop-a').error, 'ELOOP');
    const dangling = fs.resolve('/etc/dangling');
    assert.deepEqual([dangling.logical, dangling.stat, dangling.error], ['/nowhere/at/all', undefined, undefined]);
    assert.equal(fs.read('/etc/dangling').error, 'ENOENT');
  });

  it('reads only regular files', () => {
    assert.equal(fs.read('/etc').error, 'EISDIR');
  });
});

describe('discoverHost', () => {
  const kinds = new Set(['daemon-json', 'systemd']);

  it('reads a merged-/usr host once: /lib is /usr/lib, so nothing is shadowed by itself', () => {
    const root = tree({ 'usr/lib/systemd/system/docker.service': '[Service]\n', 'usr/lib/systemd/system/docker.service.d/a.conf': '' }, { lib: 'usr/lib' });
    const found = discoverHost(new RootFs(root), kinds);
    assert.deepEqual(found, { files: [{ path: '/usr/lib/systemd/system/docker.service', kind: 'systemd' }, { path: '/usr/lib/systemd/system/docker.service.d/a.conf', kind: 'systemd' }], masked: [], shadowed: [] });
  });

  it('applies drop-ins in file-name order whatever their folder, and a drop-in linked to /dev/null hides the later one of its name', () => {
    const root = tree({
      'lib/systemd/system/docker.service': '',
      'lib/systemd/system/docker.service.d/10-a.conf': '',
      'lib/systemd/system/docker.service.d/30-c.conf': '',
      'run/systemd/system/docker.service.d/20-b.conf': '',
    }, { 'etc/systemd/system/docker.service.d/10-a.conf': '/dev/null' });
    const found = discoverHost(new RootFs(root), kinds);
    assert.deepEqual(found.files.map((f) => f.path), ['/lib/systemd/system/docker.service', '/run/systemd/system/docker.service.d/20-b.conf', '/lib/systemd/system/docker.service.d/30-c.conf']);
    assert.deepEqual(found.shadowed, [{ path: '/lib/systemd/system/docker.service.d/10-a.conf', by: '/etc/systemd/system/docker.service.d/10-a.conf' }]);
  });

  it('does not look for the files of a kind the registry lacks', () => {
    const root = tree({ 'etc/audit/rules.d/docker.rules': '-w /usr/bin/dockerd -k docker\n' });
    assert.deepEqual(discoverHost(new RootFs(root), kinds).files, []);
    assert.deepEqual(discoverHost(new RootFs(root), new Set(['audit'])).files, [{ path: '/etc/audit/rules.d/docker.rules', kind: 'audit' }]);
  });
});

describe('the remediation command', () => {
  it('removes exactly the excess bits, classes with the same letters together', () => {
    assert.equal(chmodRemoving(0o666 & ~0o644), 'go-w');
    assert.equal(chmodRemoving(0o777 & ~0o644), 'u-x,go-wx');
    assert.equal(chmodRemoving(0o4755 & ~0o444), 'u-wxs,go-x');
    assert.equal(chmodRemoving(0o1777 & ~0o755), 'g-w,o-wt');
  });

  it('quotes a path only when the shell needs it', () => {
    assert.equal(shellQuote('/etc/docker/certs.d/registry.example:5000/ca.crt'), '/etc/docker/certs.d/registry.example:5000/ca.crt');
    assert.equal(shellQuote("/mnt/my host/it's"), "'/mnt/my host/it'\\''s'");
  });
});

describe('host-facts parsing', () => {
  it('never throws, whatever the text, for every file it parses', () => {
    const paths = ['/r/.dockguard-host-facts.json', '/r/etc/passwd', '/r/etc/group', '/r/etc/fstab', '/r/proc/mounts', '/r/etc/docker'];
    fc.assert(fc.property(fc.constantFrom(...paths), fc.string({ unit: 'binary' }), (path, text) => {
      parseHostFacts(path, text);
    }));
  });

  it('reads accounts and mounts with their spans, skipping malformed lines', () => {
    const group = parseHostFacts('/r/etc/group', 'root:x:0:\nbroken\ndocker:x:999:alice, bob\n').group;
    assert.deepEqual(group, [{ name: 'root', gid: 0, members: [], span: { start: 0, end: 9 } }, { name: 'docker', gid: 999, members: ['alice', 'bob'], span: { start: 17, end: 40 } }]);
    const mounts = parseHostFacts('/r/etc/fstab', '# c\nUUID=1 /var/lib/docker/ xfs defaults 0 2\n/dev/sdb1 /mnt/my\\040disk ext4 defaults 0 0\nUUID=2 none swap sw 0 0\n').mounts;
    assert.deepEqual(mounts?.map((m) => m.mountPoint), ['/var/lib/docker', '/mnt/my disk']);
    assert.equal(parseHostFacts('/r/.dockguard-host-facts.json', '{').syntaxErrors.length, 1);
  });
});
