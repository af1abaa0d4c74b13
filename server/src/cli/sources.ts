/** Which files the CLI lints for the paths it is given. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { walkFiles } from '../engine/files';
import { configIgnoreSource, IgnoreMatcher } from '../engine/ignore';
import { kindOfPath } from '../engine/kind';
import { machineFolders, machineRootOf } from '../engine/machine';
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
  const walk = (folder: string, take: (file: string, kind: string) => void, recursive = true) => {
    const matcher = new IgnoreMatcher(folder);
    const skip = (p: string, isDir: boolean) => {
      if (isDir && !recursive) return true;
      // Most files of a tree are no kind of ours: they need no ignore check.
      if (!isDir && !kindOfPath(registry.kinds, p)) return true;
      const config = configs.configFor(isDir ? `${p}/.` : p);
      return matcher.ignores(p, isDir, config ? [configIgnoreSource(config)] : []);
    };
    for (const file of walkFiles(folder, { skip, skipUnreadable: true })) {
      const kind = kindOfPath(registry.kinds, file)?.name;
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
        if (walked && (!onlyKind || kind === onlyKind) && !found.has(file)) found.set(file, { path: file, kind, explicit: false });
      });
    } else {
      const kind = onlyKind ?? kindOfPath(registry.kinds, path)?.name ?? kindByContent(registry, path);
      if (!kind) throw new UsageError(`cannot tell what kind of file ${given} is; name it with --kind`);
      found.set(path, { path, kind, explicit: true });
    }
  }
  // A named file is judged with the rest of its machine, as the editor judges it.
  const named = [...found.values()].filter((f) => f.explicit);
  const context = new Map<string, FoundFile>();
  for (const { folder, recursive } of named.flatMap((f) => contextFolders(f.path, configs, registry))) {
    walk(folder, (file, kind) => {
      if (registry.kindsByName.get(kind)?.walked !== false && !found.has(file) && !context.has(file)) context.set(file, { path: file, kind, explicit: false, context: true });
    }, recursive);
  }
  return [...found.values(), ...context.values()];
}

/**
 * Where the rest of a file's machine is: a declared machine's root, a host tree's known folders (not
 * all of `/` for a real host's file), else, for a loose file, nothing beyond its folder's siblings.
 */
function contextFolders(path: string, configs: ConfigResolver, registry: Registry): { folder: string; recursive: boolean }[] {
  const config = configs.configFor(path);
  const root = machineRootOf(path, config);
  if (root !== undefined && config?.machines.some((m) => m.root === root)) return [{ folder: root, recursive: true }];
  if (root !== undefined) return machineFolders(root).filter((folder) => existsSync(folder)).map((folder) => ({ folder, recursive: true }));
  const loose = registry.kindsByName.get(kindOfPath(registry.kinds, path)?.name ?? '')?.looseGroup !== undefined;
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
