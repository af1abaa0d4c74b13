/**
 * Completion in daemon.json over a real LSP connection: the range each item replaces covers what the
 * user typed (quotes, an auto-closed quote, a bare word, a bare colon), so the client filters on it and
 * accepting leaves exactly the completed text behind. `|` marks the cursor in each case.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, startClient, type TestClient } from './harness';

interface Case {
  name: string;
  /** The document, `|` at the cursor. */
  text: string;
  label: string;
  range: Range;
  newText: string;
  /** The document once the item is accepted and its snippet expanded as VS Code shows it. */
  accepted: string;
}

const line1 = (start: number, end: number): Range => ({ start: { line: 1, character: start }, end: { line: 1, character: end } });

const CASES: Case[] = [
  {
    name: 'an unterminated key before another property (the code-server scenario)',
    text: '{\n  "userland-pr|\n  "icc": false\n}\n',
    label: 'userland-proxy',
    range: line1(2, 14),
    newText: '"userland-proxy": ${1|false,true|},',
    accepted: '{\n  "userland-proxy": false,\n  "icc": false\n}\n',
  },
  {
    name: 'a key in an auto-closed quote',
    text: '{\n  "userland-pr|"\n}\n',
    label: 'userland-proxy',
    range: line1(2, 15),
    newText: '"userland-proxy": ${1|false,true|}',
    accepted: '{\n  "userland-proxy": false\n}\n',
  },
  {
    name: 'an empty pair of quotes',
    text: '{\n  "|"\n}\n',
    label: 'live-restore',
    range: line1(2, 4),
    newText: '"live-restore": ${1|false,true|}',
    accepted: '{\n  "live-restore": false\n}\n',
  },
  {
    name: 'a key typed without its quote',
    text: '{\n  userland-pr|\n}\n',
    label: 'userland-proxy',
    range: line1(2, 13),
    newText: '"userland-proxy": ${1|false,true|}',
    accepted: '{\n  "userland-proxy": false\n}\n',
  },
  {
    name: 'a key that has a value keeps the value',
    text: '{\n  "userland-pr|": true,\n  "icc": false\n}\n',
    label: 'userland-proxy',
    range: line1(2, 15),
    newText: '"userland-proxy"',
    accepted: '{\n  "userland-proxy": true,\n  "icc": false\n}\n',
  },
  {
    name: 'a key with a colon but no value gets a value placeholder in place of the colon',
    text: '{\n  "log-le|": \n}\n',
    label: 'log-level',
    range: line1(2, 12),
    newText: '"log-level": "${1|info,panic,fatal,error,warn,debug,trace|}"',
    accepted: '{\n  "log-level": "info"\n}\n',
  },
  {
    name: 'an enum value being typed in an unterminated string',
    text: '{\n  "log-level": "deb|\n}\n',
    label: '"debug"',
    range: line1(15, 19),
    newText: '"debug"',
    accepted: '{\n  "log-level": "debug"\n}\n',
  },
  {
    name: 'an enum value in a closed string, cursor inside',
    text: '{\n  "log-level": "de|b"\n}\n',
    label: '"debug"',
    range: line1(15, 20),
    newText: '"debug"',
    accepted: '{\n  "log-level": "debug"\n}\n',
  },
  {
    name: 'a value typed without quotes',
    text: '{\n  "live-restore": tr|\n}\n',
    label: 'true',
    range: line1(18, 20),
    newText: 'true',
    accepted: '{\n  "live-restore": true\n}\n',
  },
  {
    name: 'a member key of an object-valued option',
    text: '{\n  "log-opts": { "max-s| }\n}\n',
    label: 'max-size',
    range: line1(16, 22),
    newText: '"max-size": "$1"',
    accepted: '{\n  "log-opts": { "max-size": "" }\n}\n',
  },
];

function cursorOf(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), position: { line: before.length - 1, character: before.at(-1)!.length } };
}

/** A snippet as the editor first shows it: a choice becomes its first option, a placeholder its default. */
function expandSnippet(snippet: string): string {
  return snippet.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

function applyEdit(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const offsetOf = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offsetOf(edit.range.start)) + expandSnippet(edit.newText) + text.slice(offsetOf(edit.range.end));
}

describe('completion replaces what was typed', () => {
  let client: TestClient;
  const dir = mkdtempSync(join(tmpdir(), 'dockguard-lsp-completion-'));
  before(async () => {
    client = await startClient();
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  CASES.forEach((kase, index) => {
    test(kase.name, async () => {
      const { text, position } = cursorOf(kase.text);
      const uri = fileUri(join(dir, `case-${index}.daemon.json`));
      client.open(uri, text);
      const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[];
      const item = items.find((i) => i.label === kase.label);
      assert.ok(item, `"${kase.label}" is offered among ${items.length} items`);
      const edit = item.textEdit as TextEdit;
      assert.deepEqual(edit, { range: kase.range, newText: kase.newText });
      // The client keeps an item when the replaced text up to the cursor matches its filter text.
      const typed = text.split('\n')[position.line].slice(edit.range.start.character, position.character);
      assert.ok((item.filterText ?? item.label).startsWith(typed), `filter text ${JSON.stringify(item.filterText)} matches the typed ${JSON.stringify(typed)}`);
      assert.equal(applyEdit(text, edit), kase.accepted);
    });
  });

  test('a client without snippet support gets the plain text with the first value', async () => {
    const plain = await startClient({ capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } } });
    try {
      const { text, position } = cursorOf(CASES[0].text);
      const uri = fileUri(join(dir, 'plain.daemon.json'));
      plain.open(uri, text);
      const items = (await plain.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[];
      const item = items.find((i) => i.label === 'userland-proxy')!;
      assert.deepEqual([item.insertTextFormat, item.textEdit], [1, { range: line1(2, 14), newText: '"userland-proxy": false,' }]);
    } finally {
      await plain.stop();
    }
  });
});
