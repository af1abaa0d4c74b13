/**
 * Open documents feed the project: the editor's text replaces the file's text on disk while it is
 * open, and the disk text comes back when it closes. Each change reports the files whose findings
 * it may have changed (the files of the machine it belongs to, before and after).
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { checkBinary, MAX_FILE_BYTES } from '../engine/decode';
import { isFile, loadSource } from '../engine/files';
import { kindOfPath, type FileLink } from '../engine/kind';
import type { SourceFile } from '../engine/project';
import { PROJECT_CONFIG_NAME } from '../engine/project-config';
import { guard } from './guard';
import { pathOfUri, type ServerState } from './state';

export type ChangeListener = (paths: string[], cause: { editedUri?: string }) => void;

/** An editor's text as a source: too large or binary text is reported (DG001), never linted as garbage. */
export function sourceOfText(path: string, kind: string, text: string): SourceFile {
  if (text.length > MAX_FILE_BYTES) return { path, kind, text: '', decodeProblem: `file is ${text.length} characters; dockguard lints files up to ${MAX_FILE_BYTES} bytes` };
  const checked = checkBinary(text);
  return { path, kind, text: checked.text, decodeProblem: checked.problem?.message, decodeOffset: checked.problem?.offset };
}

/** Replace one file's source and name every file whose findings may change. */
export function updateSource(state: ServerState, path: string, source: SourceFile | undefined): string[] {
  const before = state.project.machineFiles(path);
  const changed = source ? state.project.set(source) : state.project.delete(path);
  if (!changed) return [];
  const affected = new Set([path, ...before, ...state.project.machineFiles(path)]);
  if (source) for (const linked of readLinkedFiles(state, state.project.linksOf(path))) affected.add(linked);
  return [...affected];
}

/**
 * The linked files (a Compose `extends.file`, `include`, a `.env`'s COMPOSE_FILE, a declared
 * project's files) that the project does not hold yet, read from disk as the kind the link says,
 * whatever their names (`common/base.yml`); then the files those name. Returns the files of their
 * machines.
 */
export function readLinkedFiles(state: ServerState, links: readonly FileLink[]): string[] {
  const read: string[] = [];
  const pending = [links];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const link of next) {
      if (state.project.has(link.path) || !state.registry.kindsByName.has(link.kind) || !isFile(link.path)) continue;
      let source: SourceFile;
      try {
        source = loadSource(link.path, link.kind).source;
      } catch {
        continue;
      }
      state.project.set(source);
      state.onDisk.add(link.path);
      state.linked.set(link.path, link.kind);
      read.push(link.path);
      pending.push(state.project.linksOf(link.path));
    }
  }
  return read.flatMap((p) => state.project.machineFiles(p));
}

/**
 * The kind of a path the server lints: the registry's kind table and the files its config adds to
 * kinds (as the CLI's walk), else the kind a link read it as (`common/base.yml`).
 */
export function kindNameOf(state: ServerState, path: string): string | undefined {
  return kindOfPath(state.registry.kinds, path, state.settings)?.name ?? state.linked.get(path);
}

/**
 * `configEdited`: an open `.dockguard.yaml` changed (typed, or its editor closed on other text);
 * it applies to the files below it once the typing pauses.
 */
export function registerDocuments(state: ServerState, onChange: ChangeListener, configEdited: (path: string) => void): void {
  state.documents.onDidChangeContent(
    guard(state, 'textDocument/didChange', undefined, ({ document }) => {
      const path = pathOfUri(document.uri);
      const kind = kindNameOf(state, path);
      if (!kind) return;
      state.uris.set(path, document.uri);
      // Read the rest of its machine now if the scan has not (its first pull waits for it).
      void state.scan.ready(path);
      const affected = updateSource(state, path, sourceOfText(path, kind, document.getText()));
      if (affected.length > 0) onChange(affected, { editedUri: document.uri });
      if (affected.length > 0 && basename(path) === PROJECT_CONFIG_NAME) configEdited(path);
    }),
  );
  state.documents.onDidClose(
    guard(state, 'textDocument/didClose', undefined, ({ document }) => {
      const path = pathOfUri(document.uri);
      const kind = kindNameOf(state, path);
      if (!kind || !state.project.has(path)) return;
      const onDisk = state.onDisk.has(path) && existsSync(path);
      const affected = updateSource(state, path, onDisk ? loadSource(path, kind).source : undefined);
      if (!onDisk) state.uris.delete(path);
      onChange(affected.length > 0 ? affected : [path], {});
      if (affected.length > 0 && basename(path) === PROJECT_CONFIG_NAME) configEdited(path);
    }),
  );
}
