/** Which files the CLI lints for the paths it is given. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isFile, isFolder, walkFiles } from '../engine/files';
import { configIgnoreSource, IgnoreMatcher } from '../engine/ignore';
import { kindOfPath } from '../engine/kind';
import { hostRootAround, machineFolders, machineRootOf } from '../engine/machine';
import type { Registry } from '../engine/registry';
import type { ConfigResolver } from './config';

/** A usage or input problem: exit 2 with its message on one line. */
export class UsageError extends Error {}

export interface FoundFile {
  /** Absolute path. */
  path: string;
  kind: string;
  /** True when named on the command line (never ignored). */
  explicit: boolean;
  /** Read only as the context of a named file's machine: linted with it, never reported. */
  context?: boolean;
}

/**
 * The files to lint for the given paths, each once. A folder contributes the files whose names say a
 * kind dockguard lints (only kind `onlyKind` when given), less those .gitignore files and the
 * governing config's `ignore` skip; a file named explicitly is always linted, as `onlyKind` or as
 * its name says.
 */
export function findFiles(paths: string[], registry: Registry, configs: ConfigResolver, onlyKind?: string, cwd = process.cwd()): FoundFile[] {
  const found = new Map<string, FoundFile>();
  // The kind table's detection, with the files the governing config adds (`compose.files`).
  const kindOf = (path: string) => kindOfPath(registry.kinds, path, configs);
  const walk = (folder: string, take: (file: string, kind: string) => void, recursive = true) => {
    const matcher = new IgnoreMatcher(folder);
    const skip = (p: string, isDir: boolean) => {
      if (isDir && !recursive) return true;
      // Most files of a tree are no kind of ours: they need no ignore check.
      if (!isDir && !kindOf(p)) return true;
      const config = configs.configFor(isDir ? `${p}/.` : p);
      return matcher.ignores(p, isDir, config ? [configIgnoreSource(config)] : []);
    };
    for (const file of walkFiles(folder, { skip, skipUnreadable: true })) {
      const kind = kindOf(file)?.name;
      if (kind) take(file, kind);
    }
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    if (stat.isDirectory()) {
      walk(path, (file, kind) => {
        const walked = registry.kindsByName.get(kind)?.walked !== false || kind === onlyKind;
        const context = registry.kindsByName.get(kind)?.context === true && kind !== onlyKind;
        if (walked && (!onlyKind || kind === onlyKind || context) && !found.has(file)) found.set(file, { path: file, kind, explicit: false, ...(context ? { context } : {}) });
      });
    } else {
      const kind = onlyKind ?? kindOf(path)?.name ?? kindByContent(registry, path);
      if (!kind) throw new UsageError(`cannot tell what kind of file ${given} is; name it with --kind`);
      found.set(path, { path, kind, explicit: true });
    }
  }
  // A named file is judged with the rest of its machine, as the editor judges it.
  const named = [...found.values()].filter((f) => f.explicit);
  const context = new Map<string, FoundFile>();
  for (const { folder, recursive } of named.flatMap((f) => contextFolders(f, configs, registry, cwd))) {
    walk(folder, (file, kind) => {
      if (registry.kindsByName.get(kind)?.walked !== false && !found.has(file) && !context.has(file)) context.set(file, { path: file, kind, explicit: false, context: true });
    }, recursive);
  }
  const all = [...found.values(), ...context.values()];
  addDeclaredComposeFiles(all, configs);
  followLinks(all, registry);
  return all;
}

/** The other files of the `compose.projects` a found file is in, whatever their names (`deploy/base.yml`). */
function addDeclaredComposeFiles(files: FoundFile[], configs: ConfigResolver): void {
  const known = new Set(files.map((f) => f.path));
  const projects = [...new Set(files.map((f) => configs.configFor(f.path)))].flatMap((config) => config?.composeProjects ?? []);
  const declared = new Set(projects.filter((p) => p.files.some((f) => known.has(f))).flatMap((p) => p.files));
  for (const path of declared) {
    if (known.has(path) || !isFile(path)) continue;
    known.add(path);
    files.push({ path, kind: 'compose', explicit: false });
  }
}

/**
 * The files the found ones link to (a Compose file's `extends.file` and `include`, a `.env`'s
 * COMPOSE_FILE), read as the kind the link says even when their names match no kind
 * (`common/base.yml`); linted and reported with the file that names them, as the editor does.
 */
function followLinks(files: FoundFile[], registry: Registry): void {
  const known = new Set(files.map((f) => f.path));
  for (let i = 0; i < files.length; i++) {
    const kind = registry.kindsByName.get(files[i].kind);
    if (!kind?.links) continue;
    let text: string;
    try {
      text = readFileSync(files[i].path, 'utf8');
    } catch {
      continue;
    }
    // Most files name no other: parsing them here too would double the walk's work.
    if (!/extends|include|COMPOSE_FILE/.test(text)) continue;
    for (const link of kind.links(kind.parse(files[i].path, text))) {
      if (known.has(link.path) || !registry.kindsByName.has(link.kind) || !isFile(link.path)) continue;
      known.add(link.path);
      const context = files[i].context === true || registry.kindsByName.get(link.kind)?.context === true;
      files.push({ path: link.path, kind: link.kind, explicit: false, ...(context ? { context } : {}) });
    }
  }
}

/**
 * Where the rest of a file's machine is: a declared machine's root, a host tree's known folders (not
 * all of `/` for a real host's file; a host tree its path shows, or its folders beside it below the
 * working directory: `opt/app/compose.yaml` beside `etc/docker`), else, for a loose file, nothing
 * beyond its folder's siblings.
 */
function contextFolders({ path, kind }: FoundFile, configs: ConfigResolver, registry: Registry, cwd: string): { folder: string; recursive: boolean }[] {
  const config = configs.configFor(path);
  const root = machineRootOf(path, config) ?? hostRootAround(path, cwd, isFolder);
  if (root !== undefined && config?.machines.some((m) => m.root === root)) return [{ folder: root, recursive: true }];
  if (root !== undefined) return machineFolders(root).filter((folder) => existsSync(folder)).map((folder) => ({ folder, recursive: true }));
  const loose = registry.kindsByName.get(kind)?.looseGroup !== undefined;
  return loose ? [{ folder: dirname(path), recursive: false }] : [];
}

/** The kind that claims a named file by its first bytes, if one does (an unreadable file: none). */
function kindByContent(registry: Registry, path: string): string | undefined {
  let head: string;
  try {
    head = readFileSync(path, 'utf8').slice(0, 4096);
  } catch {
    return undefined;
  }
  return registry.kinds.find((kind) => kind.claimsByContent?.(path, head))?.name;
}
