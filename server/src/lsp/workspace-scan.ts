/**
 * The workspace scan: every file of a kind dockguard knows under the workspace folders is read
 * (never executed), so cross-file rules see the whole host and Problems lists files never opened.
 * It never blocks the server: folders are walked and files read asynchronously in bounded batches,
 * and requests are answered between them. A file opened in the editor has its machine's folder
 * read first (`ready`), so its first diagnostics are complete at once. A file is *settled* once the
 * walk has finished its machine's root folder: its findings can no longer change by the scan, and
 * only then is it reported (`onSettled`), so each file reaches the Problems view once.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CancellationToken, type WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { isFolder, readSource, SKIPPED_DIRS } from '../engine/files';
import { hostRootAround, machineRootOf } from '../engine/machine';
import type { SourceFile } from '../engine/project';
import type { Scope } from '../protocol';
import { isWithin } from './configuration';
import { kindNameOf, updateSource } from './documents';
import { uriOfPath, type ServerState } from './state';

/** Configuration files are a few KB; anything larger in a workspace is not one. */
export const MAX_SCANNED_BYTES = 4 * 1024 * 1024;
/** Files read at once: enough to keep the disk busy, few enough that a request waits one batch at most. */
const BATCH_FILES = 32;

/**
 * Whether the scan (and the file watcher) enters a folder or reads a file: the one place where a
 * path is accepted or skipped. node_modules and .git are never entered; the rest is issue 17's
 * ignore module, as the CLI's walk applies it (.gitignore, the config's `ignore`, `files.exclude`,
 * `dockguard.exclude`).
 */
export function isScanned(state: ServerState, path: string, isDirectory: boolean): boolean {
  if (isDirectory && SKIPPED_DIRS.has(basename(path))) return false;
  return !state.settings.ignores(path, isDirectory);
}

const NO_PROGRESS: WorkDoneProgressServerReporter = { token: CancellationToken.None, begin() {}, report() {}, done() {} };

/** A folder's entries in name order; an unreadable folder is passed over, as `find` would. */
async function listFolder(folder: string): Promise<Dirent[]> {
  try {
    return (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Work queued in walk order: a file to read, or a folder whose whole subtree has been queued. */
type Step = { file: string; kind: string } | { folderDone: string };

interface FolderStats {
  walked: number;
  read: number;
}

export class WorkspaceScan {
  /** Folders waiting for the running scan, in order. */
  private readonly queue: string[] = [];
  private running: Promise<void> | undefined;
  private cancelled = false;
  /** Folders whose whole subtree has been read. */
  private readonly complete = new Set<string>();
  /** Machine root folders being read ahead of the walk, for an open file. */
  private readonly ahead = new Map<string, Promise<void>>();
  /** Files read (or open) whose machine is not complete yet. */
  private readonly unsettled = new Set<string>();
  private readonly listeners = new Set<(paths: string[]) => void>();
  private readonly scopes = new Map<string, Scope>();
  private stats: FolderStats = { walked: 0, read: 0 };

  constructor(private readonly state: ServerState) {}

  get scanning(): boolean {
    return this.running !== undefined;
  }

  /** Called with the files that became settled (their findings final until something changes). */
  onSettled(listener: (paths: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when the file's findings belong in the Problems view: it is open, or its folder's scope is the workspace. */
  isReported(path: string): boolean {
    if (this.state.documents.get(uriOfPath(this.state, path))) return true;
    const folder = this.state.settings.folderOf(path);
    return folder !== '' && this.scopes.get(folder) === 'workspace' && !this.unsettled.has(path);
  }

  /** The scope of the folder holding `path`, once the scan has asked for it. */
  scopeOf(path: string): Scope | undefined {
    return this.scopes.get(this.state.settings.folderOf(path));
  }

  /** True while the file waits for its machine to be read (the scan reports it then). */
  isPending(path: string): boolean {
    return this.unsettled.has(path);
  }

  /** Scan folders (after any already queued); resolves when the scan that includes them ends. */
  add(folders: readonly string[]): Promise<void> {
    this.queue.push(...folders);
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stop scanning a removed folder (the caller drops its files). */
  remove(folder: string): void {
    const queued = this.queue.indexOf(folder);
    if (queued >= 0) this.queue.splice(queued, 1);
    this.scopes.delete(folder);
    for (const done of [...this.complete]) if (isWithin(done, folder)) this.complete.delete(done);
    for (const path of [...this.unsettled]) if (isWithin(path, folder)) this.unsettled.delete(path);
  }

  /** After a settings change: re-reads each scanned folder's scope; returns the folders that now need a scan. */
  async rescope(): Promise<string[]> {
    const widened: string[] = [];
    for (const [folder, old] of [...this.scopes]) {
      const scope = await this.state.settings.scopeOf(folder);
      this.scopes.set(folder, scope);
      if (old === 'openFiles' && scope === 'workspace') widened.push(folder);
    }
    return widened;
  }

  /**
   * After a `.gitignore` or a config changed what the walk takes below `folder`: a file it no longer
   * takes (ignored now, or of no kind any more) leaves the project unless it is open, and what was
   * walked there is walked again for the files it takes now. Returns the files whose findings may
   * have changed.
   */
  async reapply(folder: string): Promise<string[]> {
    await this.idle();
    const affected = new Set<string>();
    for (const path of this.state.project.paths()) {
      if (!isWithin(path, folder) || this.state.documents.get(uriOfPath(this.state, path))) continue;
      const kind = kindNameOf(this.state, path);
      if (kind !== undefined && kind === this.state.project.source(path)?.kind && isScanned(this.state, path, false)) continue;
      this.state.onDisk.delete(path);
      for (const p of updateSource(this.state, path, undefined)) affected.add(p);
      affected.add(path);
    }
    // A folder the walk never enters (node_modules, an ignored one) or outside the workspace has nothing to read.
    const workspaceFolder = this.state.settings.folderOf(folder);
    if (workspaceFolder === '' && !this.state.settings.folders.some((f) => isWithin(f, folder))) return [...affected];
    for (let dir = folder; workspaceFolder !== '' && dir !== workspaceFolder; dir = dirname(dir)) if (!isScanned(this.state, dir, true)) return [...affected];
    // The folder itself when the scan had read it whole, else the folders below it read ahead for open files.
    const walked = this.isComplete(folder) ? [folder] : [...this.complete].filter((done) => isWithin(done, folder) && !this.complete.has(dirname(done)));
    for (const done of [...this.complete]) if (walked.some((root) => isWithin(done, root))) this.complete.delete(done);
    const before = new Set(this.state.project.paths());
    await this.walk(walked, { walked: 0, read: 0 }, { unread: true });
    for (const path of this.state.project.paths()) if (!before.has(path)) for (const p of this.state.project.machineFiles(path)) affected.add(p);
    return [...affected];
  }

  /** Resolves when no scan runs. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Resolves once the machine of `path` is read: its root folder (a host tree's `/`, else the
   * file's folder) is read ahead of the walk when the scan has not reached it, and also in
   * `openFiles` scope, where there is no walk.
   */
  ready(path: string): Promise<void> {
    const folder = this.state.settings.folderOf(path);
    // Read whole already (the usual case once the scan ends): no need to look for the machine's root on disk at each pull.
    if (folder === '' || this.isComplete(folder)) return Promise.resolve();
    const host = (machineRootOf(path, this.state.settings.projectConfig(path)) ?? hostRootAround(path, folder, isFolder))?.replace(/\/$/, '');
    const root = host !== undefined && isWithin(host, folder) ? host : dirname(path);
    if (this.isComplete(root)) return Promise.resolve();
    let reading = this.ahead.get(root);
    if (!reading) {
      // The folder's settings first: its excludes decide what is read.
      reading = this.state.settings.scopeOf(folder).then(() => this.walk([root], this.stats, {})).finally(() => this.ahead.delete(root));
      this.ahead.set(root, reading);
    }
    return reading;
  }

  private async run(): Promise<void> {
    const { connection } = this.state;
    this.cancelled = false;
    // A client that refuses the progress still gets its scan.
    const progress = await connection.window.createWorkDoneProgress().catch((error: Error) => {
      connection.console.warn(`could not show the scan's progress: ${error.message}`);
      return NO_PROGRESS;
    });
    const cancellation = progress.token.onCancellationRequested(() => (this.cancelled = true));
    progress.begin('dockguard', undefined, 'scanning the workspace', true);
    try {
      for (let folder = this.queue.shift(); folder !== undefined && !this.cancelled; folder = this.queue.shift()) {
        const scope = await this.state.settings.scopeOf(folder);
        this.scopes.set(folder, scope);
        if (scope === 'openFiles') {
          connection.console.info(`${folder}: dockguard.scope is openFiles, the folder is not scanned`);
          continue;
        }
        const started = performance.now();
        this.stats = { walked: 0, read: 0 };
        await this.walk([folder], this.stats, { stopped: () => this.cancelled, report: (count) => progress.report(`${count} files read in ${basename(folder)}`) });
        const what = `${this.stats.read} file(s) read of ${this.stats.walked} in ${Math.round(performance.now() - started)} ms`;
        connection.console.info(`${folder}: ${this.cancelled ? `scan cancelled, ${what}` : what}`);
      }
    } finally {
      this.queue.length = 0;
      cancellation.dispose();
      progress.done();
      // What is left (a machine whose root lies above the folders, a cancelled scan) is final now.
      this.settle([...this.unsettled]);
    }
  }

  /**
   * Walks the folders depth first, reading the files in batches; a folder is complete once its
   * subtree is. `unread`: read only the files the project does not hold (the watcher keeps those current).
   */
  private async walk(roots: string[], stats: FolderStats, { stopped, report, unread }: { stopped?: () => boolean; report?: (read: number) => void; unread?: boolean }): Promise<void> {
    const steps: Step[] = [];
    let files = 0;
    const flush = async () => {
      // The main walk (the one that can be stopped) gives way to an open file's machine read ahead: the editor waits for it.
      while (stopped && this.ahead.size > 0) await Promise.all(this.ahead.values());
      const batch = steps.splice(0);
      files = 0;
      const sources = await Promise.all(batch.map((step) => ('file' in step ? this.read(step.file, step.kind) : undefined)));
      const settled = new Set<string>();
      batch.forEach((step, i) => {
        if ('folderDone' in step) {
          this.complete.add(step.folderDone);
          for (const path of this.unsettled) if (isWithin(this.machineRoot(path), step.folderDone)) settled.add(path);
          return;
        }
        const source = sources[i];
        // A folder removed meanwhile, or an editor that opened the file: neither takes the disk's text.
        if (this.state.settings.folderOf(step.file) === '') return;
        if (source && !this.state.documents.get(uriOfPath(this.state, step.file))) {
          this.state.onDisk.add(step.file);
          // A file reported already whose machine this one joins (a host root found late) is reported again.
          for (const path of updateSource(this.state, step.file, source)) if (path !== step.file && !this.unsettled.has(path)) settled.add(path);
          stats.read++;
        }
        if (this.state.project.has(step.file)) this.unsettled.add(step.file);
      });
      this.settle([...settled]);
      report?.(stats.read);
      // Let pending requests and notifications run before the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    };
    const visit = async (folder: string, listing = listFolder(folder)): Promise<void> => {
      if (stopped?.() || this.complete.has(folder)) return;
      const entries = await listing;
      const folders: string[] = [];
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (isScanned(this.state, path, true)) folders.push(path);
          continue;
        }
        if (!entry.isFile()) continue;
        stats.walked++;
        const kind = kindNameOf(this.state, path);
        if (!kind || !isScanned(this.state, path, false) || (unread && this.state.project.has(path))) continue;
        steps.push({ file: path, kind });
        if (++files >= BATCH_FILES) await flush();
      }
      // The subfolders are listed at once (the thread pool works through them while earlier ones are visited).
      const listings = folders.map(listFolder);
      for (let i = 0; i < folders.length; i++) await visit(folders[i], listings[i]);
      steps.push({ folderDone: folder });
    };
    for (const root of roots) await visit(root);
    await flush();
  }

  /** The file's text on disk, or undefined when it is open, too large or unreadable (logged). */
  private async read(path: string, kind: string): Promise<SourceFile | undefined> {
    if (this.state.documents.get(uriOfPath(this.state, path))) return undefined;
    try {
      if ((await stat(path)).size > MAX_SCANNED_BYTES) return undefined;
      return await readSource(path, kind);
    } catch (error) {
      this.state.connection.console.warn(`skipped ${path}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** True when the folder or one above it has been read whole. */
  private isComplete(folder: string): boolean {
    for (let dir = folder; ; dir = dirname(dir)) {
      if (this.complete.has(dir)) return true;
      if (dirname(dir) === dir) return false;
    }
  }

  /** The folder a file's machine stands on (the project's machine key without its loose-group suffix). */
  private machineRoot(path: string): string {
    const key = this.state.project.machineKeyOf(path);
    return key === undefined ? dirname(path) : key.split('\u0000')[0].replace(/\/$/, '');
  }

  private settle(paths: string[]): void {
    if (paths.length === 0) return;
    paths.forEach((path) => this.unsettled.delete(path));
    for (const listener of this.listeners) listener(paths);
  }
}
