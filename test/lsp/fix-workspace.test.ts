/** "dockguard: Fix all safe problems in the workspace": one workspace edit with every machine's safe fixes. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { HARDENED_DAEMON_JSON, tempWorkspace } from '../cli/harness';
import { fileUri, startClient } from './harness';

const TRAILING_COMMA = HARDENED_DAEMON_JSON.replace('"storage-driver": "overlay2"', '"storage-driver": "overlay2",');

test('the command fixes the safe problems of every file of the workspace, open or not', async () => {
  const ws = tempWorkspace({ 'a/etc/docker/daemon.json': TRAILING_COMMA, 'b/etc/docker/daemon.json': TRAILING_COMMA, 'c/etc/docker/daemon.json': HARDENED_DAEMON_JSON });
  const client = await startClient({ workspaceFolder: ws });
  try {
    assert.ok((client.initializeResult.capabilities.executeCommandProvider?.commands ?? []).includes('dockguard.fixAllInWorkspace'));
    await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    await client.connection.sendRequest('workspace/executeCommand', { command: 'dockguard.fixAllInWorkspace', arguments: [] });
    assert.equal(client.appliedEdits.length, 1);
    const changes = client.appliedEdits[0].documentChanges as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => [c.textDocument.uri, (c.edits as TextEdit[]).map((e) => e.newText)]), [
      [fileUri(join(ws, 'a/etc/docker/daemon.json')), ['']],
      [fileUri(join(ws, 'b/etc/docker/daemon.json')), ['']],
    ]);
  } finally {
    await client.stop();
  }
});
