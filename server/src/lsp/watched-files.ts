/**
 * Keeping the project current with the disk: `workspace/didChangeWatchedFiles` notifications are
 * collected and applied together once they stop coming for a moment, so a branch switch that
 * changes hundreds of files is one batch where each file is read once and each machine re-linted
 * once. A change names its machine's files (the dependents) as affected; a `.dockguard.yaml` change
 * re-lints only the files it governs.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type Disposable } from 'vscode-languageserver/node';
import { readSource } from '../engine/files';
import { kindOfPath } from '../engine/kind';
import { PROJECT_CONFIG_NAME } from '../engine/project-config';
import type { Registry } from '../engine/registry';
import { isWithin } from './configuration';
import { kindNameOf, updateSource, type ChangeListener } from './documents';
import { guard } from './guard';
import { pathOfUri, uriOfPath, type ServerState } from './state';
import { isScanned, MAX_SCANNED_BYTES } from './workspace-scan';

/** Quiet time that ends a burst of notifications; short, since one notification is usually a whole burst already. */
const SETTLE_MS = 10;
/** A notification of at most this many changes after this long a quiet is a save, not a burst: applied at once. */
const SAVE_CHANGES = 4;
const QUIET_MS = 200;
/** An open config applies once the typing pauses this long: each keystroke may re-lint every file below it. */
const TYPING_MS = 250;

const GITIGNORE = '.gitignore';

/** What the client watches for us: every kind's globs, the project config and the ignore files. */
export function watchedGlobs(registry: Registry): string[] {
  return [...new Set([...registry.kinds.flatMap((kind) => kind.globs), `**/${PROJECT_CONFIG_NAME}`, `**/${GITIGNORE}`])];
}

export interface WatchedFiles {
  /** An open config's text changed: apply it with the next batch, once the typing pauses. */
  configEdited(path: string): void;
}

export function registerWatchedFiles(state: ServerState, onChange: ChangeListener): WatchedFiles {
  /** The last change seen per path since the previous batch. */
  const pending = new Map<string, FileChangeType>();
  let timer: NodeJS.Timeout | undefined;
  let applying: Promise<void> | undefined;
  let lastNotification = -Infinity;

  const schedule = (delay = SETTLE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // One batch at a time: what arrives meanwhile waits for the next.
      if (applying) return void applying.then(() => schedule());
      const batch = new Map(pending);
      pending.clear();
      applying = applyChanges(state, batch)
        .then((affected) => {
          if (affected.length > 0) onChange(affected, {});
          watchAddedFiles(state);
        })
        .catch((error: Error) => state.connection.console.error(`applying file changes failed: ${error.stack}`))
        .finally(() => (applying = undefined));
    }, delay);
  };

  state.connection.onDidChangeWatchedFiles(
    guard(state, 'workspace/didChangeWatchedFiles', undefined, ({ changes }) => {
      const now = performance.now();
      const save = pending.size === 0 && !applying && changes.length <= SAVE_CHANGES && now - lastNotification > QUIET_MS;
      lastNotification = now;
      for (const change of changes) pending.set(pathOfUri(change.uri), change.type);
      schedule(save ? 0 : SETTLE_MS);
    }),
  );
  return {
    configEdited(path) {
      pending.set(path, FileChangeType.Changed);
      schedule(TYPING_MS);
    },
  };
}

/** Applies one batch of changes; returns the files whose findings may have changed. */
async function applyChanges(state: ServerState, changes: ReadonlyMap<string, FileChangeType>): Promise<string[]> {
  const affected = new Set<string>();
  const reads: [string, string][] = [];
  /** Folders where what the walk takes may have changed (a .gitignore, a config's ignore or added files). */
  const rewalk = new Set<string>();
  for (const [path, type] of changes) {
    // A config file changes how the files it governs are linted (and is linted itself, DG010).
    if (basename(path) === PROJECT_CONFIG_NAME) {
      const { governed, walkChanged } = state.settings.forgetConfig(path);
      for (const file of state.project.paths()) if (isWithin(file, governed)) affected.add(file);
      if (walkChanged) rewalk.add(governed);
    }
    if (basename(path) === GITIGNORE) {
      state.settings.forgetIgnoreFiles();
      rewalk.add(dirname(path));
      continue;
    }
    const kind = kindNameOf(state, path);
    // An open editor's text wins over the disk's.
    if (state.documents.get(uriOfPath(state, path))) continue;
    if (type === FileChangeType.Deleted) {
      // A deleted folder takes the files below it.
      const gone = kind ? [path] : state.project.paths().filter((file) => isWithin(file, path) && !state.documents.get(uriOfPath(state, file)));
      for (const file of gone) {
        state.onDisk.delete(file);
        for (const p of updateSource(state, file, undefined)) affected.add(p);
        affected.add(file);
      }
    } else if (kind && (state.project.has(path) || state.scan.scopeOf(path) === 'workspace') && isScanned(state, path, false)) {
      reads.push([path, kind]);
    }
  }
  const sources = await Promise.all(
    reads.map(async ([path, kind]) => {
      try {
        if ((await stat(path)).size > MAX_SCANNED_BYTES) return undefined;
        return await readSource(path, kind);
      } catch (error) {
        state.connection.console.warn(`skipped ${path}: ${(error as Error).message}`);
        return undefined;
      }
    }),
  );
  for (const source of sources) {
    if (!source || state.documents.get(uriOfPath(state, source.path))) continue;
    state.onDisk.add(source.path);
    for (const p of updateSource(state, source.path, source)) affected.add(p);
  }
  const folders = [...rewalk];
  for (const folder of folders) {
    if (folders.some((other) => other !== folder && isWithin(folder, other))) continue;
    for (const p of await state.scan.reapply(folder)) affected.add(p);
  }
  return [...affected];
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

/** The globs registered for the files the configs add to kinds and the files read through links, per server, and their registration. */
const addedWatches = new WeakMap<ServerState, { globs: string; registration: Promise<Disposable | undefined> }>();

/**
 * Asks the client to watch the files the loaded configs add to kinds (`compose.files`) and the files
 * read because another links to them whatever their names (`common/base.yml`, by its absolute path),
 * beside the kinds' own globs, so a change on disk to one re-lints what depends on it; when that set
 * changes, the old registration is dropped for a new one.
 */
export function watchAddedFiles(state: ServerState): void {
  if (!state.features.watchedFilesRegistration) return;
  const linked = [...state.linked.keys()].filter((path) => kindOfPath(state.registry.kinds, path, state.settings) === undefined).map(literalGlob);
  const globs = [...state.settings.addedFileGlobs(), ...linked.sort()];
  const previous = addedWatches.get(state);
  if ((previous?.globs ?? '[]') === JSON.stringify(globs)) return;
  void previous?.registration.then((registration) => registration?.dispose());
  const registration =
    globs.length === 0
      ? Promise.resolve(undefined)
      : state.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }).catch((error: Error) => {
          state.connection.console.warn(`could not watch the files the config adds: ${error.message}`);
          return undefined;
        });
  addedWatches.set(state, { globs: JSON.stringify(globs), registration });
}

/** A glob matching exactly this path: each glob metacharacter in a class of its own. */
function literalGlob(path: string): string {
  return path.replace(/\\/g, '/').replace(/[*?[\]{}]/g, (c) => `[${c}]`);
}
