/**
 * Dynamic registrations at start-up: the server asks the client to watch its files and to send
 * settings changes only after `initialized` (the harness, like VS Code's client, rejects a
 * registration that comes before the initialize result) and only when the client declares dynamic
 * registration for them. A watched unit file that appears on disk is then linted.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, PULL_CAPABILITIES, startClient } from './harness';

const WATCHERS = [
  { globPattern: '**/*daemon*.json' },
  { globPattern: '**/*.{service,socket}' },
  { globPattern: '**/*.{service,socket}.rpm' },
  { globPattern: '**/*.{service,socket}.d/*.conf' },
  { globPattern: '**/systemd/*/{service,socket}.d/*.conf' },
  { globPattern: '**/etc/{default,sysconfig}/docker' },
  { globPattern: '**/*compose*.{yaml,yml}' },
  { globPattern: '**/.env' },
  { globPattern: '**/audit.rules' },
  { globPattern: '**/audit-*.rules' },
  { globPattern: '**/audit/**/rules.d/*.rules' },
  { globPattern: '**/.dockguard.yaml' },
  { globPattern: '**/.gitignore' },
];

const UNIT_WITH_ICC = `[Service]
ExecStart=/usr/bin/dockerd -H fd:// --icc=true
`;

describe('dynamic registration', () => {
  test('a client that supports it is asked, after initialized, to watch the files and send settings changes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dockguard-watch-'));
    const client = await startClient({ workspaceFolder: folder });
    try {
      const watched = await client.waitForRegistration('workspace/didChangeWatchedFiles');
      assert.deepEqual(watched, { method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: WATCHERS }, afterInitialized: true });
      const settings = await client.waitForRegistration('workspace/didChangeConfiguration');
      assert.equal(settings.afterInitialized, true);
      assert.deepEqual(client.log.filter((line) => /could not/.test(line)), []);

      // A unit file created on disk, reported by the watcher, is linted without being opened.
      const unit = join(folder, 'etc/systemd/system/docker.service');
      mkdirSync(join(folder, 'etc/systemd/system'), { recursive: true });
      writeFileSync(unit, UNIT_WITH_ICC);
      const refreshed = client.waitForRefresh();
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(unit), type: 1 }] });
      await refreshed;
      const report = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
      const icc = report.items.find((r) => r.uri === fileUri(unit))?.items.find((d) => d.code === 'DG103');
      assert.deepEqual(icc?.range, { start: { line: 1, character: 36 }, end: { line: 1, character: 46 } });
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a client without dynamic registration is sent no registration request', async () => {
    const client = await startClient({
      capabilities: { ...PULL_CAPABILITIES, workspace: { ...PULL_CAPABILITIES.workspace, didChangeWatchedFiles: undefined, didChangeConfiguration: undefined } },
    });
    try {
      // A request answered after `initialized` was handled: a registration would have come before its answer.
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri('/nowhere/daemon.json') }, position: { line: 0, character: 0 } });
      assert.deepEqual(client.registrations, []);
    } finally {
      await client.stop();
    }
  });
});
