/** textDocument/completion: the protocol-free completion provider, as text edits over the typed token. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import type { CompletionEntry, CompletionKind } from '../engine/kind';
import { completion } from '../features';
import { guard } from './guard';
import { pathOfUri, positionsOf, toRange, type ServerState } from './state';

const KINDS: Record<CompletionKind, CompletionItemKind> = { key: CompletionItemKind.Property, value: CompletionItemKind.Value };

export function registerCompletion(state: ServerState): void {
  state.connection.onCompletion(
    guard(state, 'textDocument/completion', [] as CompletionItem[], async (params) => {
      const path = pathOfUri(params.textDocument.uri);
      const file = state.project.parsed(path);
      const kind = state.project.kindOf(path);
      if (!file || !kind) return [];
      const options = await state.settings.optionsFor(path);
      const positions = positionsOf(state, path);
      const entries = completion(kind, file, positions.offsetAt(params.position), { findings: [], dockerVersion: options.dockerVersion, rules: state.registry.rules });
      return entries.map((entry): CompletionItem => {
        const snippet = state.features.snippets && entry.snippet !== undefined;
        return {
          label: entry.label,
          kind: KINDS[entry.kind],
          detail: entry.detail,
          documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
          filterText: filterText(entry, file.text[entry.replace.start] === '"'),
          insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          textEdit: { range: toRange(positions, entry.replace), newText: snippet ? entry.snippet! : entry.text },
        };
      });
    }),
  );
}

/**
 * What the client matches the typed text (the replaced range up to the cursor) against: the entry as
 * JSON text, with its opening quote only when the user typed one, so `"ic` and `ic` both match `icc`.
 */
function filterText(entry: CompletionEntry, typedQuote: boolean): string {
  const asJson = entry.kind === 'key' ? JSON.stringify(entry.label) : entry.label;
  return typedQuote ? asJson : asJson.replace(/^"(.*)"$/, '$1');
}
