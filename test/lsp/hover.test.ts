/**
 * One message per problem: a client that shows diagnostics in its own hover (our VS Code client says
 * so in its initialization options) gets hovers without the findings; any other client keeps them.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { HARDENED_DAEMON_JSON, tempWorkspace } from '../cli/harness';
import { fileUri, startClient } from './harness';

const ICC_TRUE = HARDENED_DAEMON_JSON.replace('"icc": false', '"icc": true');

async function hoverOnIcc(initializationOptions: unknown): Promise<string> {
  const ws = tempWorkspace({ 'etc/docker/daemon.json': ICC_TRUE });
  const client = await startClient({ workspaceFolder: ws, initializationOptions });
  try {
    const uri = fileUri(join(ws, 'etc/docker/daemon.json'));
    client.open(uri, ICC_TRUE);
    await client.pull(uri);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 4 } })) as Hover;
    return (hover.contents as MarkupContent).value;
  } finally {
    await client.stop();
  }
}

test('the hover repeats no finding for a client that shows diagnostics itself, and keeps them for others', async () => {
  const vscode = await hoverOnIcc({ findingsInHover: false });
  assert.match(vscode, /^\*\*`icc`\*\*/);
  assert.doesNotMatch(vscode, /\*\*DG103\*\*/);
  const other = await hoverOnIcc(undefined);
  assert.match(other, /^\*\*DG103\*\* inter-container-communication \(warning\): "icc" is true/);
  assert.ok(other.endsWith(vscode), 'the same key documentation follows the finding');
});
