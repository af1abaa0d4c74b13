/**
 * Multi-root workspaces: folders added at run time are scanned like the first ones; a removed
 * folder's files leave the project (an open editor's file stays) and their diagnostics are cleared.
 */
import { isWithin } from './configuration';
import { updateSource, type ChangeListener } from './documents';
import { guard } from './guard';
import { pathOfUri, uriOfPath, type ServerState } from './state';

export function registerWorkspaceFolders(state: ServerState, scan: (folders: string[]) => Promise<void>, onChange: ChangeListener): void {
  state.connection.workspace.onDidChangeWorkspaceFolders(
    guard(state, 'workspace/didChangeWorkspaceFolders', undefined, ({ added, removed }) => {
      const removedPaths = removed.map((folder) => pathOfUri(folder.uri));
      const addedPaths = added.map((folder) => pathOfUri(folder.uri)).filter((path) => !path.includes('://'));
      state.settings.folders = [...state.settings.folders.filter((folder) => !removedPaths.includes(folder)), ...addedPaths];
      state.settings.clear();
      const affected = new Set<string>();
      for (const folder of removedPaths) {
        state.scan.remove(folder);
        for (const path of state.project.paths()) {
          if (!isWithin(path, folder) || state.documents.get(uriOfPath(state, path))) continue;
          state.onDisk.delete(path);
          for (const p of updateSource(state, path, undefined)) affected.add(p);
          affected.add(path);
        }
      }
      if (affected.size > 0) onChange([...affected], {});
      if (addedPaths.length > 0) void scan(addedPaths);
    }),
  );
}
