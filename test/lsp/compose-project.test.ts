/**
 * A Compose project over LSP: the server reads the project's other files (an override, a `.env`,
 * an `extends` target whatever its name) and an edit to any of them re-publishes the findings of the
 * files that depend on it.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { REPO } from '../cli/harness';
import { fileUri, PUSH_CAPABILITIES, startClient, type TestClient } from './harness';

const BASE = 'services:\n  web:\n    image: nginx:1.27\n    privileged: ${WEB_PRIVILEGED:-false}\n    extends:\n      file: ../common/base.yml\n      service: hardened\n';
const OVERRIDE = 'services:\n  web:\n    cap_add: [SYS_ADMIN]\n';
const COMMON = 'services:\n  hardened:\n    read_only: true\n    pids_limit: 100\n';

const codes = (diagnostics: Diagnostic[], ...wanted: string[]) => diagnostics.filter((d) => wanted.includes(String(d.code))).map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`);

/** The DG313 findings of `uri` once `done` holds for its diagnostics (the watcher's batch applies them a moment later). */
async function pullUntil(client: TestClient, uri: string, done: (diagnostics: Diagnostic[]) => boolean): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    const diagnostics = await client.pull(uri);
    if (done(diagnostics) || attempt === 100) return codes(diagnostics, 'DG313');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a Compose project over LSP', () => {
  let client: TestClient;
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-lsp-compose-project-'));
  const base = fileUri(join(dir, 'app', 'compose.yaml'));
  const override = fileUri(join(dir, 'app', 'compose.override.yaml'));
  const env = fileUri(join(dir, 'app', '.env'));
  const common = fileUri(join(dir, 'common', 'base.yml'));
  before(async () => {
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'common'));
    writeFileSync(join(dir, 'app', 'compose.yaml'), BASE);
    writeFileSync(join(dir, 'app', 'compose.override.yaml'), OVERRIDE);
    writeFileSync(join(dir, 'app', '.env'), 'WEB_PRIVILEGED=false\n');
    writeFileSync(join(dir, 'common', 'base.yml'), COMMON);
    client = await startClient({ workspaceFolder: dir, configuration: (section) => (section === 'dockguard' ? { profile: 'all' } : null) });
    client.open(base, BASE, 'dockercompose');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the override\'s capability is reported in the override, with the base service as related information', async () => {
    client.open(override, OVERRIDE, 'dockercompose');
    const [finding] = (await client.pull(override)).filter((d) => d.code === 'DG309');
    assert.deepEqual([finding.range.start, finding.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message])], [
      { line: 2, character: 14 },
      [[base, 1, 'service "web" is also defined here; Compose merges the definitions']],
    ]);
  });

  test('the extends target named base.yml is read as Compose: the base\'s read_only and pids_limit count', async () => {
    assert.deepEqual(codes(await client.pull(base), 'DG313', 'DG316', 'DG301'), []);
  });

  test('editing the extends target re-publishes the base\'s findings', async () => {
    client.open(common, COMMON, 'yaml');
    client.change(common, 'services:\n  hardened:\n    pids_limit: 100\n');
    assert.deepEqual(codes(await client.pull(base), 'DG313', 'DG316'), ['DG313 2:3']);
    client.change(common, COMMON);
    assert.deepEqual(codes(await client.pull(base), 'DG313', 'DG316'), []);
  });

  test('the closed extends target, a name no kind claims, is watched by its path; a change on disk re-publishes the base\'s findings', async () => {
    client.close(common);
    const path = join(dir, 'common', 'base.yml');
    await client.waitUntil(() => client.registrations.some((r) => JSON.stringify(r.registerOptions).includes(JSON.stringify(path))), 'a watcher for base.yml');
    writeFileSync(path, 'services:\n  hardened:\n    pids_limit: 100\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: common, type: 2 }] });
    assert.deepEqual(await pullUntil(client, base, (d) => codes(d, 'DG313').length === 1), ['DG313 2:3'], 'DG313 after the disk change');
    writeFileSync(path, COMMON);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: common, type: 2 }] });
    // Restored: the base's own findings are back as they were (DG312 on its key), DG313 gone.
    assert.deepEqual(await pullUntil(client, base, (d) => codes(d, 'DG313').length === 0 && codes(d, 'DG312').length === 1), [], 'no DG313 once restored');
  });

  test('editing the override re-publishes the base\'s findings', async () => {
    assert.deepEqual(codes(await client.pull(base), 'DG312'), ['DG312 2:3']);
    client.change(override, 'services:\n  web:\n    cap_add: [SYS_ADMIN]\n    security_opt: ["no-new-privileges:true"]\n');
    assert.deepEqual(codes(await client.pull(base), 'DG312'), []);
  });

  test('editing .env re-publishes the base\'s findings: a privileged value it sets is judged', async () => {
    client.open(env, 'WEB_PRIVILEGED=false\n', 'dotenv');
    assert.deepEqual(codes(await client.pull(base), 'DG301'), []);
    client.change(env, 'WEB_PRIVILEGED=true\n');
    assert.deepEqual(codes(await client.pull(base), 'DG301'), ['DG301 4:5']);
    assert.deepEqual(await client.pull(env), [], 'a .env reports nothing of its own');
  });
});

describe('a Compose project .dockguard.yaml declares, over LSP', () => {
  let client: TestClient;
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-lsp-compose-declared-'));
  const base = fileUri(join(dir, 'app', 'compose.yaml'));
  before(async () => {
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, '.dockguard.yaml'), 'compose:\n  projects:\n    - files: [app/compose.yaml, deploy/hardening.yml]\n');
    writeFileSync(join(dir, 'app', 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n');
    writeFileSync(join(dir, 'deploy', 'hardening.yml'), 'services:\n  web:\n    read_only: true\n');
    client = await startClient({ workspaceFolder: dir, configuration: (section) => (section === 'dockguard' ? { profile: 'all' } : null) });
    client.open(base, 'services:\n  web:\n    image: nginx:1.27\n', 'dockercompose');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('its other file, in another folder and named base.yml-style, is read and merged', async () => {
    assert.deepEqual(codes(await client.pull(base), 'DG313'), []);
  });
});

describe('a Compose file opened at once in a host tree its own path does not show', () => {
  test("its first diagnostics already speak of the host's daemon (opt/app beside etc/docker, read ahead of the scan)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockguard-lsp-compose-host-'));
    cpSync(join(REPO, 'examples/insecure-host'), dir, { recursive: true });
    const uri = fileUri(join(dir, 'opt/app/compose.yaml'));
    const client = await startClient({ workspaceFolder: dir, capabilities: PUSH_CAPABILITIES });
    try {
      client.open(uri, readFileSync(join(dir, 'opt/app/compose.yaml'), 'utf8'), 'dockercompose');
      await client.waitForPublished(uri);
      const first = client.published.find((p) => p.uri === uri)!;
      const dg312 = first.diagnostics.filter((d) => d.code === 'DG312').map((d) => d.message);
      assert.ok(dg312.length > 0 && dg312.every((m) => String(m).includes('the daemon it runs on does not turn "no-new-privileges" on')), dg312.join('\n'));
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
