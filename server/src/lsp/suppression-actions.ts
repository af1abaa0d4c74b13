/**
 * "Disable DGnnn for this line" / "… for this file": a pragma where the file kind has comments
 * (`suppressionEdits`, at the line's indentation), else — daemon.json — an `overrides` entry in the
 * governing `.dockguard.yaml`, created at the repository root or workspace folder when there is none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { overrideEdit } from '../engine/config-edits';
import { LineIndex } from '../engine/positions';
import { PROJECT_CONFIG_NAME } from '../engine/project-config';
import { suppressionEdits } from '../engine/suppressions';
import type { Finding } from '../engine/types';
import { positionsOf, toRange, uriOfPath, type ServerState } from './state';

export function suppressionActions(state: ServerState, path: string, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  const kind = state.project.kindOf(path);
  const file = state.project.parsed(path);
  if (!kind || !file) return [];
  const uri = uriOfPath(state, path);
  const positions = positionsOf(state, path);
  const actions: CodeAction[] = [];
  for (const scope of ['next-line', 'file'] as const) {
    const edit = suppressionEdits(file, kind, finding, scope);
    if (!edit) continue;
    const range = toRange(positions, { start: edit.offset, end: edit.offset + edit.length });
    actions.push({
      title: `Disable ${finding.ruleId} for this ${scope === 'file' ? 'file' : 'line'}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [{ range, newText: edit.content }] } },
    });
  }
  // A config's own findings (DG009, DG010) are not judged under its overrides: it is fixed, not silenced.
  if (actions.length > 0 || !path.startsWith('/') || state.settings.configPath(path) === path) return actions;
  const edit = configEdit(state, path, finding.ruleId);
  if (edit) actions.push({ title: `Disable ${finding.ruleId} for this file in ${PROJECT_CONFIG_NAME}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
  return actions;
}

/** The overrides entry as a workspace edit: the open or on-disk config edited, or a new one created. */
function configEdit(state: ServerState, path: string, ruleId: string): WorkspaceEdit | undefined {
  const configPath = state.settings.configPath(path) ?? join(newConfigFolder(state, path), PROJECT_CONFIG_NAME);
  const configUri = uriOfPath(state, configPath);
  const open = state.documents.get(configUri);
  const text = open?.getText() ?? (existsSync(configPath) ? readFileSync(configPath, 'utf8') : undefined);
  if (text === undefined && !(state.features.documentChanges && state.features.createFiles)) return undefined;
  const edit = overrideEdit(text, relative(dirname(configPath), path).split(sep).join('/'), ruleId);
  const textEdit = { range: toRange(open ?? new LineIndex(text ?? ''), { start: edit.offset, end: edit.offset + edit.length }), newText: edit.content };
  if (!state.features.documentChanges) return { changes: { [configUri]: [textEdit] } };
  return {
    documentChanges: [
      ...(text === undefined ? [{ kind: 'create' as const, uri: configUri, options: { ignoreIfExists: true } }] : []),
      { textDocument: { uri: configUri, version: open?.version ?? null }, edits: [textEdit] },
    ],
  };
}

/** Where a new config goes: the repository root above the file, else its workspace folder, else its folder. */
function newConfigFolder(state: ServerState, path: string): string {
  const folder = state.settings.folders.find((f) => !relative(f, path).startsWith('..'));
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git')) || (folder && resolve(dir) === resolve(folder))) return dir;
    if (dirname(dir) === dir) return folder ?? dirname(path);
  }
}
