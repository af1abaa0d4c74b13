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
} from 'vscode-languageserver/node';
import type { DockguardConfigFile } from '../engine/config-file';
import type { LintOptions } from '../engine/options';
import { unusedOverrideFindings } from '../engine/override-usage';
import type { SuppressedFinding } from '../engine/suppressions';
import { INTERNAL_ERROR_ID, type Finding, type FindingTag, type Severity } from '../engine/types';
import { guard } from './guard';
import { pathOfUri, positionsOf, toRange, uriOfPath, type Positions, type ServerState } from './state';

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

/** DG000 findings whose stack was logged (a cached result is converted again on every pull). */
const loggedFailures = new WeakSet<Finding>();

/**
 * Where a finding's file comes from: the workspace's project, at the text revision its fixes were
 * computed at; or another project (a host check's), whose positions it gives and whose fixes are
 * not offered as code actions (the code action looks findings up in the workspace's project).
 */
export type FindingOrigin = { revision: number } | { positionsOf: (path: string) => Positions };

export function toDiagnostic(state: ServerState, finding: Finding, origin: FindingOrigin): Diagnostic {
  const positions = 'positionsOf' in origin ? origin.positionsOf : (path: string) => positionsOf(state, path);
  if (finding.ruleId === INTERNAL_ERROR_ID && !loggedFailures.has(finding)) {
    loggedFailures.add(finding);
    state.connection.console.error(`${finding.file}: ${finding.message}${finding.stack ? `\n${finding.stack}` : ''}`);
  }
  const diagnostic: Diagnostic = {
    range: toRange(positions(finding.file), finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: uriOfPath(state, related.location.file), range: toRange(positions(related.location.file), related.location.span) },
      message: related.message,
    }));
  }
  if (finding.tags.length > 0) diagnostic.tags = finding.tags.map((tag) => TAGS[tag]);
  if ('revision' in origin && state.registry.rulesById.get(finding.ruleId)?.meta.fix) diagnostic.data = { revision: origin.revision } satisfies DiagnosticData;
  return diagnostic;
}

/** The current diagnostics of one file, with a result id that changes when they do. */
export async function diagnosticsOf(state: ServerState, path: string): Promise<{ items: Diagnostic[]; resultId: string }> {
  const options = await state.settings.optionsFor(path);
  const { findings, resultId } = state.project.findings(path, options);
  const revision = state.project.revision(path) ?? 0;
  const overrides = await unusedOverridesIn(state, path, options);
  const items = [...findings, ...overrides].map((finding) => toDiagnostic(state, finding, { revision }));
  // The overrides' judgement depends on other files: it is part of the result's identity.
  state.status.record(path, state.scan.isReported(path) ? items : []);
  return { items, resultId: overrides.length === 0 ? resultId : `${resultId}:${overrides.map((f) => f.span.start).join(',')}` };
}

/** For a `.dockguard.yaml`: DG009 on its overrides entries that suppress nothing in the files it governs. */
export async function unusedOverridesIn(state: ServerState, path: string, options: LintOptions): Promise<Finding[]> {
  const file = state.project.parsed(path);
  if (file?.kind !== 'dockguard-config' || (file as DockguardConfigFile).overrides.length === 0) return [];
  // Typed but not applied yet: the suppressions were recorded against the entries of the text in use.
  if (state.settings.loadedText(path) !== file.text) return [];
  const suppressed: SuppressedFinding[] = [];
  for (const other of state.project.paths()) {
    if (other === path || state.settings.configPath(other) !== path) continue;
    suppressed.push(...(state.project.findings(other, await state.settings.optionsFor(other)).suppressed ?? []));
  }
  return unusedOverrideFindings(file as DockguardConfigFile, suppressed, state.registry, options);
}

/** Pull diagnostics of one document (the workspace's are in workspace-diagnostics.ts). */
export function registerPullDiagnostics(state: ServerState): void {
  const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  state.connection.languages.diagnostics.on(
    guard(state, 'textDocument/diagnostic', empty, async (params) => {
      const path = pathOfUri(params.textDocument.uri);
      // The machine's other files first, so the first answer is already complete.
      await state.scan.ready(path);
      if (!state.project.has(path)) return empty;
      const { items, resultId } = await diagnosticsOf(state, path);
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    }),
  );
}

/**
 * Push diagnostics for files whose findings may have changed; a file that left the project or the
 * scope is cleared. The notifications queue behind each other: waiting for each write before
 * linting the next file would cost an event-loop turn per file (a 500-file burst: seconds).
 */
export async function publishDiagnostics(state: ServerState, paths: Iterable<string>): Promise<void> {
  const sent: Promise<void>[] = [];
  for (const path of paths) {
    // The scan publishes it once its machine is read.
    if (state.scan.isPending(path)) continue;
    const uri = uriOfPath(state, path);
    // An open document's machine is read first, so its first push is already complete (as its first pull).
    if (state.documents.get(uri)) await state.scan.ready(path);
    if (!state.project.has(path) || !state.scan.isReported(path)) {
      state.status.record(path, []);
      sent.push(state.connection.sendDiagnostics({ uri, diagnostics: [] }));
      continue;
    }
    const { items } = await diagnosticsOf(state, path);
    sent.push(state.connection.sendDiagnostics({ uri, version: state.documents.get(uri)?.version, diagnostics: items }));
  }
  await Promise.all(sent);
}
