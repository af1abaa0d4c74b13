/**
 * `npm run package` builds a .vsix that holds only the allow-list of .vscodeignore, under 1 MB, with
 * the manifest fields VS Code reads at install and activation.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { activationEvents } from '../../server/src/engine/kind';
import { REGISTRY } from '../../server/src/registry';

const ROOT = join(__dirname, '..', '..');

/** The names in a zip archive, read from its central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'no end-of-central-directory record: not a zip');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, `central directory entry ${i} is malformed`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension|server)\.js$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/schemas\/compose-spec\/(compose-spec\.json|LICENSE|SOURCE\.md)$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/docs\/rules\/DG\d{3}\.md$/,
  /^extension\/docs\/images\/[\w.-]+\.png$/,
  /^extension\/images\/icon\.png$/,
];

test('npm run package builds a .vsix of the allow-list only, under 1 MB', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-vsix-'));
  try {
    const out = join(dir, 'dockguard.vsix');
    execFileSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const names = zipEntries(readFileSync(out));
    const unexpected = names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
    assert.deepEqual(unexpected, [], 'files outside the allow-list were packaged');
    for (const required of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/package.json', 'extension/images/icon.png', 'extension/LICENSE.txt', 'extension/readme.md']) {
      assert.ok(names.includes(required), `${required} is missing from the .vsix`);
    }
    assert.ok(names.some((n) => n.startsWith('extension/docs/rules/')), 'the rule pages are missing');
    // Every file the manifest points VS Code at (the unit language's configuration, its grammar) ships.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const referenced = [...manifest.contributes.languages.map((l: { configuration?: string }) => l.configuration), ...manifest.contributes.grammars.map((g: { path: string }) => g.path)];
    for (const path of referenced.filter(Boolean)) assert.ok(names.includes(`extension/${path.replace(/^\.\//, '')}`), `${path} is referenced by the manifest but not packaged`);
    const size = statSync(out).size;
    assert.ok(size < 1024 * 1024, `the .vsix is ${size} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the manifest activates on daemon.json and systemd units and runs in untrusted workspaces', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  // Never `*` (the events are the kind table's, checked below).
  assert.ok(!manifest.activationEvents.includes('*'));
  const [unitLanguage] = manifest.contributes.languages;
  assert.equal(unitLanguage.id, 'systemd-unit');
  assert.deepEqual(manifest.contributes.grammars, [
    { language: 'systemd-unit', scopeName: 'source.systemd-unit', path: './syntaxes/systemd-unit.tmLanguage.json' },
    { language: 'audit-rules', scopeName: 'source.audit-rules', path: './syntaxes/audit-rules.tmLanguage.json' },
  ]);
  for (const path of [unitLanguage.configuration, manifest.contributes.grammars[0].path]) assert.ok(existsSync(join(ROOT, path)), `${path} is missing`);
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.engines.vscode, '^1.100.0');
  assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: false });
  assert.equal(manifest.contributes.jsonValidation, undefined, 'VS Code\'s JSON server would report every schema problem a second time');
  const settings = manifest.contributes.configuration.properties;
  for (const name of ['dockguard.profile', 'dockguard.dockerVersion', 'dockguard.rules', 'dockguard.scope']) assert.equal(settings[name]?.scope, 'resource', name);
});

test("the manifest's activation events are the kind table's (a new kind updates package.json)", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };
  assert.deepEqual(manifest.activationEvents, activationEvents(REGISTRY.kinds));
});

test("the systemd-unit language covers the files the systemd kind claims by folder: drop-ins (top-level service.d/ too) and the env files", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const unitLanguage = manifest.contributes.languages.find((l: { id: string }) => l.id === 'systemd-unit');
  const byExtension = new Set(['**/*.{service,socket}', '**/*.{service,socket}.rpm']);
  assert.deepEqual(unitLanguage.filenamePatterns, REGISTRY.kindsByName.get('systemd')!.globs.filter((glob) => !byExtension.has(glob)));
});
