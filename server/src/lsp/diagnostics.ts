/**
 * Findings → LSP diagnostics. Pull (`textDocument/diagnostic`, `workspace/diagnostic`) when the
 * client supports it, `publishDiagnostics` otherwise; either way computed on demand with no
 * debounce, since the project re-lints only what a change touched. `data` marks a fixable finding
 * with the text revision it was computed at; the code action looks the finding up in the project's
 * cache at that revision and only then builds its fix edits (most findings are never fixed).
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { Finding, FindingTag, Severity } from '../engine/types';
import { guard } from './guard';
import { pathOfUri, positionsOf, toRange, uriOfPath, type ServerState } from './state';

export const DIAGNOSTIC_SOURCE = 'dockguard';

/** What a fixable diagnostic carries for its code actions: the revision of the text it describes. */
export interface DiagnosticData {
  revision: number;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const TAGS: Record<FindingTag, DiagnosticTag> = {
  deprecated: DiagnosticTag.Deprecated,
  unnecessary: DiagnosticTag.Unnecessary,
};

export function toDiagnostic(state: ServerState, finding: Finding, revision: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(positionsOf(state, finding.file), finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: uriOfPath(state, related.location.file), range: toRange(positionsOf(state, related.location.file), related.location.span) },
      message: related.message,
    }));
  }
  if (finding.tags.length > 0) diagnostic.tags = finding.tags.map((tag) => TAGS[tag]);
  if (state.registry.rulesById.get(finding.ruleId)?.meta.fix) diagnostic.data = { revision } satisfies DiagnosticData;
  return diagnostic;
}

/** The current diagnostics of one file, with a result id that changes when they do. */
export async function diagnosticsOf(state: ServerState, path: string): Promise<{ items: Diagnostic[]; resultId: string }> {
  const options = await state.settings.optionsFor(uriOfPath(state, path), path);
  const { findings, resultId } = state.project.findings(path, options);
  const revision = state.project.revision(path) ?? 0;
  return { items: findings.map((finding) => toDiagnostic(state, finding, revision)), resultId };
}

/** Pull diagnostics: one document, and the whole workspace for the Problems view. */
export function registerPullDiagnostics(state: ServerState): void {
  const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  state.connection.languages.diagnostics.on(
    guard(state, 'textDocument/diagnostic', empty, async (params) => {
      const path = pathOfUri(params.textDocument.uri);
      if (!state.project.has(path)) return empty;
      const { items, resultId } = await diagnosticsOf(state, path);
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    }),
  );
  state.connection.languages.diagnostics.onWorkspace(
    guard(state, 'workspace/diagnostic', { items: [] } as WorkspaceDiagnosticReport, async (params) => {
      const previous = new Map(params.previousResultIds.map((p) => [pathOfUri(p.uri), p.value]));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const path of state.project.paths()) {
        const uri = uriOfPath(state, path);
        // Open documents are reported by textDocument/diagnostic, with their version.
        if (state.documents.get(uri)) continue;
        const { items: diagnostics, resultId } = await diagnosticsOf(state, path);
        items.push(previous.get(path) === resultId
          ? { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId }
          : { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: diagnostics });
      }
      return { items };
    }),
  );
}

/** Push diagnostics for files whose findings may have changed; a file no longer in the project is cleared. */
export async function publishDiagnostics(state: ServerState, paths: Iterable<string>): Promise<void> {
  for (const path of paths) {
    const uri = uriOfPath(state, path);
    if (!state.project.has(path)) {
      await state.connection.sendDiagnostics({ uri, diagnostics: [] });
      continue;
    }
    const { items } = await diagnosticsOf(state, path);
    await state.connection.sendDiagnostics({ uri, version: state.documents.get(uri)?.version, diagnostics: items });
  }
}
