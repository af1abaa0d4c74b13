/** textDocument/hover: the protocol-free hover provider, with offsets converted at the edge. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { hover } from '../features';
import { guard } from './guard';
import { pathOfUri, positionsOf, toRange, type ServerState } from './state';

export function registerHover(state: ServerState): void {
  state.connection.onHover(
    guard(state, 'textDocument/hover', null as Hover | null, async (params) => {
      const path = pathOfUri(params.textDocument.uri);
      const file = state.project.parsed(path);
      const kind = state.project.kindOf(path);
      if (!file || !kind) return null;
      const options = await state.settings.optionsFor(path);
      const positions = positionsOf(state, path);
      // A client that shows diagnostics in its own hover (VS Code) would show each finding twice.
      const findings = state.features.findingsInHover ? state.project.findings(path, options).findings : [];
      const result = hover(kind, file, positions.offsetAt(params.position), { findings, dockerVersion: options.dockerVersion, rules: state.registry.rules });
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(positions, result.span) };
    }),
  );
}
