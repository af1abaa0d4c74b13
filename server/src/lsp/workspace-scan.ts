/**
 * The workspace scan: on start, every file of a kind dockguard knows under the workspace folders is
 * read (never executed), so cross-file rules see the whole host and Problems lists files never
 * opened. Later changes on disk arrive as `workspace/didChangeWatchedFiles`.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import { loadSource, walkFiles } from '../engine/files';
import { PROJECT_CONFIG_NAME } from '../engine/project-config';
import type { Registry } from '../engine/registry';
import { kindNameOf, updateSource, type ChangeListener } from './documents';
import { guard } from './guard';
import { pathOfUri, uriOfPath, type ServerState } from './state';

/** Configuration files are a few KB; anything larger in a workspace is not one. */
export const MAX_SCANNED_BYTES = 4 * 1024 * 1024;
/** What the client watches for us: every kind's globs, and the project config. */
export function watchedGlobs(registry: Registry): string[] {
  return [...registry.kinds.flatMap((kind) => kind.globs), `**/${PROJECT_CONFIG_NAME}`];
}

/** Read every recognised file under the folders; returns the paths whose findings may have changed. */
export function scanFolders(state: ServerState, folders: string[]): string[] {
  const affected = new Set<string>();
  for (const folder of folders) {
    for (const path of walkFiles(folder, { skipUnreadable: true })) {
      const kind = kindNameOf(state, path);
      if (!kind) continue;
      state.onDisk.add(path);
      // An open editor's text wins over the disk's.
      if (state.documents.get(uriOfPath(state, path))) continue;
      try {
        if (statSync(path).size > MAX_SCANNED_BYTES) continue;
        for (const file of updateSource(state, path, loadSource(path, kind).source)) affected.add(file);
      } catch (error) {
        state.connection.console.warn(`skipped ${path}: ${(error as Error).message}`);
      }
    }
  }
  return [...affected];
}

export function registerWatchedFiles(state: ServerState, onChange: ChangeListener): void {
  state.connection.onDidChangeWatchedFiles(
    guard(state, 'workspace/didChangeWatchedFiles', undefined, ({ changes }) => {
      const affected = new Set<string>();
      for (const change of changes) {
        const path = pathOfUri(change.uri);
        if (basename(path) === PROJECT_CONFIG_NAME) {
          state.settings.clear();
          state.project.paths().forEach((p) => affected.add(p));
          continue;
        }
        const kind = kindNameOf(state, path);
        if (!kind || state.documents.get(uriOfPath(state, path))) continue;
        if (change.type === FileChangeType.Deleted) {
          state.onDisk.delete(path);
          updateSource(state, path, undefined).forEach((p) => affected.add(p));
          affected.add(path);
        } else {
          try {
            if (statSync(path).size > MAX_SCANNED_BYTES) continue;
            state.onDisk.add(path);
            updateSource(state, path, loadSource(path, kind).source).forEach((p) => affected.add(p));
          } catch (error) {
            state.connection.console.warn(`skipped ${path}: ${(error as Error).message}`);
          }
        }
      }
      if (affected.size > 0) onChange([...affected], {});
    }),
  );
}

/**
 * Asks the client to watch the files dockguard reads. Only after `initialized`: a client handles
 * `client/registerCapability` once it has the initialize result (VS Code's rejects it before), and
 * only when it declares dynamic registration of watched files.
 */
export function watchFiles(state: ServerState): void {
  if (!state.features.watchedFilesRegistration) return;
  state.connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers: watchedGlobs(state.registry).map((globPattern) => ({ globPattern })) })
    .catch((error: Error) => state.connection.console.warn(`could not watch files: ${error.message}`));
}
