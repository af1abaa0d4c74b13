/**
 * Code actions are a lookup of what the diagnostics carry: each offerable fix of a dockguard
 * diagnostic (checked here, lazily, with the engine's `offerableFixes`), "Disable DGnnn for this
 * line/file", "Show documentation for DGnnn", and "Fix all safe problems in this file" as
 * `source.fixAll.dockguard`.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { minimalEdit } from '../engine/edits';
import { fixAll, offerableFixes } from '../engine/fixes';
import type { LintOptions } from '../engine/options';
import type { Fix, TextEdit } from '../engine/types';
import { CHECK_HOST_COMMAND, FIX_ALL_KIND, FIX_WORKSPACE_COMMAND, SHOW_DOCUMENTATION_COMMAND, type CheckHostArguments } from '../protocol';
import type { DockguardConfigFile } from '../engine/config-file';
import { overrideFixProblem } from '../engine/override-usage';
import { DIAGNOSTIC_SOURCE, unusedOverridesIn, type DiagnosticData } from './diagnostics';
import { guard } from './guard';
import { suppressionActions } from './suppression-actions';
import { pathOfUri, positionsOf, toRange, uriOfPath, type Positions, type ServerState } from './state';

/** True when the client asked for `kind` (or a parent of it), or set no filter. */
function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function registerCodeActions(state: ServerState): void {
  state.connection.onCodeAction(guard(state, 'textDocument/codeAction', [] as CodeAction[], (params) => codeActions(state, params)));
  state.connection.onExecuteCommand(
    guard(state, 'workspace/executeCommand', undefined, async (params) => {
      if (params.command === FIX_WORKSPACE_COMMAND) return fixWorkspace(state);
      if (params.command === CHECK_HOST_COMMAND) return state.hostCheck.run(params.arguments?.[0] as CheckHostArguments | undefined);
      const url = params.arguments?.[0];
      if (params.command !== SHOW_DOCUMENTATION_COMMAND || typeof url !== 'string') return;
      if (state.features.showDocument) await state.connection.window.showDocument({ uri: url, external: true });
      else state.connection.window.showInformationMessage(`dockguard documentation: ${url}`);
    }),
  );
}

async function codeActions(state: ServerState, params: CodeActionParams): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const path = pathOfUri(uri);
  if (!state.project.has(path)) return [];
  const options = await state.settings.optionsFor(path);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');
    actions.push(...(await quickFixes(state, path, ours, options)));
    for (const ruleId of new Set(ours.map((d) => d.code as string))) {
      const href = ours.find((d) => d.code === ruleId)?.codeDescription?.href;
      if (href) actions.push({ title: `Show documentation for ${ruleId}`, kind: CodeActionKind.QuickFix, command: { title: `Show documentation for ${ruleId}`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [href] } });
    }
  }
  // Only on request (the Source Action menu, codeActionsOnSave): fix-all re-lints the file per pass.
  if (only && wanted(only, FIX_ALL_KIND)) {
    const action = fixAllAction(state, path, options);
    if (action) actions.push(action);
  }
  return actions;
}

async function quickFixes(state: ServerState, path: string, diagnostics: Diagnostic[], options: LintOptions): Promise<CodeAction[]> {
  const revision = state.project.revision(path);
  const positions = positionsOf(state, path);
  // A config's unused overrides are judged over the files it governs, beside its machine's findings.
  const overrides = await unusedOverridesIn(state, path, options);
  const current = [...state.project.findings(path, options).findings, ...overrides];
  const actions: CodeAction[] = [];
  // After every fix: silencing a finding is the last resort.
  const suppressions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    // A diagnostic of another text would have its fix edit the wrong characters.
    if (!data || data.revision !== revision) continue;
    const start = positions.offsetAt(diagnostic.range.start);
    const end = positions.offsetAt(diagnostic.range.end);
    const finding = current.find((f) => f.ruleId === diagnostic.code && f.span.start === start && f.span.end === end && f.message === diagnostic.message);
    if (!finding) continue;
    suppressions.push(...suppressionActions(state, path, finding, diagnostic));
    if (finding.fixes.length === 0) continue;
    const fixes = overrides.includes(finding)
      ? finding.fixes.filter((fix) => overrideFixProblem(state.project.parsed(path) as DockguardConfigFile, fix, state.registry.ruleIds) === undefined)
      : offerableFixes(state.project, finding, options);
    if (finding.fixError) state.connection.console.error(`the fix of ${finding.ruleId} failed and was not offered: ${finding.stack ?? finding.fixError}`);
    for (const fix of fixes) {
      // A display-only fix is shown, never applied; the documentation action links its steps.
      if (fix.safety === 'display-only') continue;
      const edit = workspaceEditFor(state, path, fix);
      if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.safety === 'safe', edit });
    }
  }
  return [...actions, ...suppressions];
}

function fixAllAction(state: ServerState, path: string, options: LintOptions): CodeAction | undefined {
  const { texts } = fixAll(state.project, [path], options, ['safe'], (fix) => canApply(state, fix));
  if (texts.size === 0) return undefined;
  const edit = workspaceEditFor(state, path, {
    title: 'fix all',
    safety: 'safe',
    edits: texts.has(path) ? [minimalEdit(state.project.source(path)?.text ?? '', texts.get(path)!)] : [],
    otherFiles: [...texts].filter(([file]) => file !== path).map(([file, text]) => {
      const existing = state.project.source(file);
      return { file, create: !existing, edits: [minimalEdit(existing?.text ?? '', text)] };
    }),
  });
  return edit ? { title: 'Fix all safe problems in this file', kind: FIX_ALL_KIND, edit } : undefined;
}

/**
 * "Fix all safe problems in the workspace": the safe fix-all of every machine the project holds, as
 * one workspace edit the client applies (files a fix creates included when the client can create).
 */
async function fixWorkspace(state: ServerState): Promise<void> {
  const groups = new Map<string, { options: LintOptions; files: string[] }>();
  for (const path of state.project.paths()) {
    if (state.project.source(path)?.decodeProblem) continue;
    const options = await state.settings.optionsFor(path);
    const key = `${state.project.machineKeyOf(path)}\u0001${JSON.stringify(options)}`;
    const group = groups.get(key) ?? { options, files: [] };
    group.files.push(path);
    groups.set(key, group);
  }
  const changes: { file: string; create: boolean; edit: TextEdit }[] = [];
  for (const { options, files } of groups.values()) {
    const { texts } = fixAll(state.project, files, options, ['safe'], (fix) => canApply(state, fix));
    for (const [file, text] of texts) {
      const existing = state.project.source(file);
      if (existing?.text !== text) changes.push({ file, create: !existing, edit: minimalEdit(existing?.text ?? '', text) });
    }
  }
  if (changes.length === 0) {
    state.connection.window.showInformationMessage('dockguard: no safe fixes to apply in the workspace.');
    return;
  }
  const edit: WorkspaceEdit = state.features.documentChanges
    ? {
        documentChanges: changes.flatMap(({ file, create, edit }) => {
          const uri = uriOfPath(state, file);
          const change = textDocumentEdit(state, uri, [lspEdit(create ? positionsOfEmpty : positionsOf(state, file), edit)]);
          return create ? [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }, change] : [change];
        }),
      }
    : { changes: Object.fromEntries(changes.filter((c) => !c.create).map(({ file, edit }) => [uriOfPath(state, file), [lspEdit(positionsOf(state, file), edit)]])) };
  await state.connection.workspace.applyEdit({ label: 'dockguard: fix all safe problems in the workspace', edit });
}

/** True when the client can apply the fix as a whole (another file needs documentChanges, a new one create). */
function canApply(state: ServerState, fix: Fix): boolean {
  const others = fix.otherFiles ?? [];
  if (others.length === 0) return true;
  return state.features.documentChanges && (state.features.createFiles || others.every((o) => !o.create || state.project.has(o.file)));
}

function lspEdit(positions: Positions, edit: TextEdit): LspTextEdit {
  return { range: toRange(positions, { start: edit.offset, end: edit.offset + edit.length }), newText: edit.content };
}

/**
 * A fix as a WorkspaceEdit. A fix that creates or edits another file needs `documentChanges`
 * (and resource operations to create one); without them it is not offered rather than half-applied.
 */
function workspaceEditFor(state: ServerState, path: string, fix: Fix): WorkspaceEdit | undefined {
  const uri = uriOfPath(state, path);
  const ownEdits = fix.edits.map((edit) => lspEdit(positionsOf(state, path), edit));
  const others = fix.otherFiles ?? [];
  if (others.length === 0 && !state.features.documentChanges) return { changes: { [uri]: ownEdits } };
  if (!canApply(state, fix)) return undefined;
  const documentChanges: WorkspaceEdit['documentChanges'] & unknown[] = [];
  if (ownEdits.length > 0) documentChanges.push(textDocumentEdit(state, uri, ownEdits));
  for (const other of others) {
    const otherUri = uriOfPath(state, other.file);
    const exists = state.project.has(other.file);
    if (other.create && !exists) {
      documentChanges.push({ kind: 'create', uri: otherUri, options: { ignoreIfExists: true } });
    }
    const positions = exists ? positionsOf(state, other.file) : positionsOfEmpty;
    documentChanges.push(textDocumentEdit(state, otherUri, other.edits.map((edit) => lspEdit(positions, edit))));
  }
  return { documentChanges };
}

const positionsOfEmpty: Positions = { positionAt: () => ({ line: 0, character: 0 }), offsetAt: () => 0 };

function textDocumentEdit(state: ServerState, uri: string, edits: LspTextEdit[]): TextDocumentEdit {
  return { textDocument: { uri, version: state.documents.get(uri)?.version ?? null }, edits };
}
