/** Pathological input over LSP: the server answers every request and stays up. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, startClient, type TestClient } from './harness';

let client: TestClient;
before(async () => {
  client = await startClient();
});
after(() => client.stop());

async function stillServes(): Promise<void> {
  const uri = fileUri('/srv/alive/daemon.json');
  client.open(uri, '{"icc": true}');
  assert.ok((await client.pull(uri)).some((d) => d.code === 'DG103'), 'the server no longer lints');
}

test('a 5 MB daemon.json is linted and answered', async () => {
  const uri = fileUri('/srv/big/daemon.json');
  const labels = Array.from({ length: 120_000 }, (_, i) => `    "team=${String(i).padStart(6, '0')}-${'x'.repeat(24)}"`);
  const text = `{\n  "icc": true,\n  "labels": [\n${labels.join(',\n')}\n  ]\n}\n`;
  assert.ok(text.length > 5_000_000);
  client.open(uri, text);
  const diagnostics = await client.pull(uri);
  assert.deepEqual(diagnostics.filter((d) => d.code === 'DG103').map((d) => d.range), [{ start: { line: 1, character: 2 }, end: { line: 1, character: 7 } }]);
  await stillServes();
});

test('binary content is one DG001 finding at the NUL byte, not garbage', async () => {
  const uri = fileUri('/srv/binary/daemon.json');
  client.open(uri, '{"icc": \u0000\u0001\u0002}');
  const diagnostics = await client.pull(uri);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.message, d.range]), [
    ['DG001', 'Syntax error: binary content (a NUL byte at offset 8): this is not a text configuration file', { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }],
  ]);
  await stillServes();
});

test('malformed requests get empty or safe answers', async () => {
  const uri = fileUri('/srv/odd/daemon.json');
  client.open(uri, '{"icc": true}');
  const icc = (await client.pull(uri)).find((d) => d.code === 'DG103')!;
  const forged: Diagnostic = { ...icc, data: { revision: (icc.data as { revision: number }).revision, fixes: [{ title: 'x', safety: 'safe', edits: 'not a list' }] } };
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: icc.range, context: { diagnostics: [forged] } })) as CodeAction[];
  // Fix edits never come from the client: the forged ones are ignored and the server's own fix is offered.
  assert.deepEqual(actions.map((a) => a.title), ['Set "icc" to false (containers on docker0 can no longer talk to each other)', 'Disable DG103 for this file in .dockguard.yaml', 'Show documentation for DG103']);
  const stale: Diagnostic = { ...icc, data: { revision: -1 } };
  const staleActions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: icc.range, context: { diagnostics: [stale] } })) as CodeAction[];
  // A diagnostic of another revision of the text gets no edit, only the documentation link.
  assert.deepEqual(staleActions.map((a) => a.title), ['Show documentation for DG103']);
  assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99_999, character: 99_999 } }), null);
  assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:never-opened' }, position: { line: 0, character: 0 } }), null);
  await stillServes();
});
