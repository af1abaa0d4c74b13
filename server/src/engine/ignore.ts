/**
 * Which files the folder walks skip, for the CLI's walk and the editor's workspace scan alike:
 * `.gitignore` files (nested, with negations, as git reads them: a deeper file overrides a higher
 * one, and nothing below an ignored folder comes back), the config's `ignore`, and patterns the
 * front end adds (the editor's `files.exclude` and `dockguard.exclude`). Matching is the `ignore`
 * package's, which ESLint and Prettier use. A file named on the command line is never asked about.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { KindFiles } from './config-file';
import type { AddedFiles } from './kind';
import type { ProjectConfig } from './project-config';

/** Patterns in .gitignore syntax, relative to `base`. */
export interface IgnoreSource {
  base: string;
  patterns: readonly string[];
}

export function configIgnoreSource(config: ProjectConfig): IgnoreSource {
  return { base: dirname(config.path), patterns: config.ignore.map((entry) => entry.pattern) };
}

/** A config's `compose.files`, `audit.files`…: .gitignore patterns relative to its folder, matched as the walks' ignores are. */
export function addedFiles(base: string, kinds: readonly KindFiles[]): AddedFiles | undefined {
  if (kinds.length === 0) return undefined;
  const matchers = kinds.map(({ kind, patterns }) => ({ kind, rules: ignore().add([...patterns]) }));
  return {
    kindOf(path) {
      const rel = relative(base, path);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
      const slashed = sep === '/' ? rel : rel.split(sep).join('/');
      return matchers.find(({ rules }) => rules.ignores(slashed))?.kind;
    },
  };
}

/**
 * Globs a file watcher can take for such patterns (the server asks the client to watch them): each
 * pattern at any depth, and below it for a folder. Wider than the patterns; the server keeps what
 * they match. A negation narrows, so it adds nothing to watch.
 */
export function watchGlobs(kinds: readonly KindFiles[]): string[] {
  return kinds.flatMap(({ patterns }) =>
    patterns
      .filter((pattern) => !pattern.startsWith('!') && !pattern.startsWith('#'))
      .flatMap((pattern) => {
        const glob = `**/${pattern.replace(/^\//, '').replace(/\/$/, '').replace(/^\*\*\//, '')}`;
        return [glob, `${glob}/**`];
      }),
  );
}

/** The `files.exclude`-style map of globs to booleans as patterns: the globs set to true. */
export function excludePatterns(setting: unknown): string[] {
  if (Array.isArray(setting)) return setting.filter((p): p is string => typeof p === 'string' && p !== '');
  if (typeof setting !== 'object' || setting === null) return [];
  return Object.entries(setting).filter(([glob, on]) => on === true && glob !== '').map(([glob]) => glob);
}

export class IgnoreMatcher {
  private readonly gitignores = new Map<string, Ignore | undefined>();
  private readonly repoRoots = new Map<string, string | undefined>();
  private readonly compiled = new WeakMap<IgnoreSource, Ignore>();

  /** `fallbackRoot`: where .gitignore files start counting outside a git repository (the walked folder). */
  constructor(private readonly fallbackRoot: string, private readonly sources: readonly IgnoreSource[] = []) {}

  /** True when the walk skips `path` (`isDir`: a folder, matched by patterns ending in `/` too). */
  ignores(path: string, isDir: boolean, extra: readonly IgnoreSource[] = []): boolean {
    const absolute = resolve(path);
    for (const source of [...this.sources, ...extra]) if (this.matches(this.compile(source), source.base, absolute, isDir)) return true;
    return this.gitignored(absolute, isDir);
  }

  private gitignored(path: string, isDir: boolean): boolean {
    return this.gitignoredBelow(this.topOf(path), path, isDir);
  }

  /**
   * Where .gitignore files start counting for `path`: the repository's root, else the walked
   * folder. A walked folder that its repository ignores was asked for by name (`dockguard lint
   * build/hosts`), so only the .gitignore files inside it count, as for a file named on the command line.
   */
  private topOf(path: string): string {
    const walked = (this.walkedRoot ??= resolve(this.fallbackRoot));
    const repo = this.repoRootOf(dirname(path));
    if (repo === undefined || !isWithin(walked, path)) return repo ?? walked;
    if (this.walkedIgnored === undefined) {
      this.walkedIgnored = walked !== repo && isWithin(repo, walked) && this.gitignoredBelow(repo, walked, true);
    }
    return this.walkedIgnored ? walked : repo;
  }

  private walkedRoot?: string;
  private walkedIgnored?: boolean;
  /** The folders from `top` down to a directory, per `top` and directory: every file of a folder asks. */
  private readonly chains = new Map<string, string[]>();

  private chainOf(top: string, dir: string): string[] {
    const key = `${top}\u0000${dir}`;
    let folders = this.chains.get(key);
    if (!folders) {
      folders = [];
      for (let at = dir; isWithin(top, at); at = dirname(at)) {
        folders.unshift(at);
        if (at === top || dirname(at) === at) break;
      }
      this.chains.set(key, folders);
    }
    return folders;
  }

  private gitignoredBelow(top: string, path: string, isDir: boolean): boolean {
    const folders = this.chainOf(top, dirname(path));
    // Deeper files decide over higher ones; a later negation un-ignores.
    let ignored = false;
    for (const folder of folders) {
      const rules = this.gitignoreOf(folder);
      if (!rules) continue;
      const result = rules.test(this.relative(folder, path, isDir));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private matches(rules: Ignore, base: string, path: string, isDir: boolean): boolean {
    const rel = relative(base, path);
    if (rel === '' || rel.startsWith('..')) return false;
    return rules.ignores(this.relative(base, path, isDir));
  }

  private relative(base: string, path: string, isDir: boolean): string {
    const below = isWithin(base, path) && path !== base ? path.slice(base.endsWith(sep) ? base.length : base.length + 1) : relative(base, path);
    const rel = sep === '/' ? below : below.split(sep).join('/');
    return isDir ? `${rel}/` : rel;
  }

  private compile(source: IgnoreSource): Ignore {
    let rules = this.compiled.get(source);
    if (!rules) {
      rules = ignore().add([...source.patterns]);
      this.compiled.set(source, rules);
    }
    return rules;
  }

  private gitignoreOf(dir: string): Ignore | undefined {
    if (!this.gitignores.has(dir)) {
      let rules: Ignore | undefined;
      try {
        rules = ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
      } catch {
        rules = undefined;
      }
      this.gitignores.set(dir, rules);
    }
    return this.gitignores.get(dir);
  }

  /** The nearest folder at or above `dir` holding `.git`, if any. */
  private repoRootOf(dir: string): string | undefined {
    if (!this.repoRoots.has(dir)) {
      let found: string | undefined;
      if (exists(join(dir, '.git'))) found = dir;
      else if (dirname(dir) !== dir) found = this.repoRootOf(dirname(dir));
      this.repoRoots.set(dir, found);
    }
    return this.repoRoots.get(dir);
  }
}

/** True when `path` is `folder` or lies below it (both absolute and resolved). */
function isWithin(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
