/**
 * A docker.service over a real LSP connection: the diagnostic on a flag of a continuation line lands
 * on that line and that flag, and hovering the flag documents the daemon.json key it sets.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { fileUri, startClient, type TestClient } from './harness';

const UNIT = `[Unit]
Description=Docker Application Container Engine

[Service]
Type=notify
ExecStart=/usr/bin/dockerd -H fd:// \\
    --icc=true \\
    --containerd=/run/containerd/containerd.sock
`;

describe('docker.service over LSP', () => {
  let client: TestClient;
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-lsp-systemd-'));
  const uri = fileUri(join(dir, 'etc/systemd/system/docker.service'));
  before(async () => {
    client = await startClient({ configuration: (section) => (section === 'dockguard' ? { profile: 'recommended' } : null) });
    client.open(uri, UNIT, 'systemd-unit');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the icc diagnostic is on the flag of the continuation line', async () => {
    const diagnostics = await client.pull(uri);
    const icc = diagnostics.filter((d) => d.code === 'DG103');
    assert.deepEqual(icc.map((d) => ({ range: d.range, message: d.message, severity: d.severity })), [{
      range: { start: { line: 6, character: 4 }, end: { line: 6, character: 14 } },
      message: '"icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2).',
      severity: 2,
    }]);
  });

  test('hovering the flag shows the finding and what the flag sets', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 6 } })) as Hover;
    const markdown = (hover.contents as { value: string }).value;
    assert.match(markdown, /^\*\*DG103\*\* inter-container-communication \(warning\)/);
    assert.match(markdown, /\*\*`--icc`\*\* sets `"icc"` in daemon\.json/);
    assert.match(markdown, /CIS 2\.2 · checked by DG103/);
    assert.deepEqual(hover.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 9 } });
  });

  test('completion offers dockerd flags on a new continuation word', async () => {
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 4 } })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(result) ? result : result.items;
    assert.ok(items.some((i) => i.label === '--live-restore'));
    assert.ok(!items.some((i) => i.label === '--icc'), '--icc is given already');
  });
});
