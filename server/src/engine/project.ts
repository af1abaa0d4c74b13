/**
 * An incremental project for long-lived front ends (the language server, the benchmark): it keeps
 * every source by path, parses a text once, and re-lints a file only when its options or the text
 * of a file it shares a host with changed. A keystroke re-parses one file and re-runs the rules of
 * one host.
 */
import { lintWorkspace } from './lint';
import type { LintOptions } from './options';
import type { Rule } from './rule';
import type { Finding } from './types';
import { buildWorkspace, parseSource, type ParsedFile, type SourceFile, type Workspace } from './workspace';
import { RULES } from '../rules';

interface Entry {
  source: SourceFile;
  /** Bumped on every change of text, so caches keyed by it never serve a stale result. */
  revision: number;
  parsed?: ParsedFile | null;
}

export interface FileFindings {
  findings: Finding[];
  /** Changes whenever the findings were recomputed (LSP pull diagnostics' resultId). */
  resultId: string;
}

interface CachedFindings extends FileFindings {
  key: string;
}

export class Project {
  private readonly entries = new Map<string, Entry>();
  private readonly findingsCache = new Map<string, CachedFindings>();
  private builtWorkspace: Workspace | undefined;
  private hostsByFile: Map<string, string[]> | undefined;
  private nextRevision = 1;
  private nextResultId = 1;

  constructor(private readonly rules: readonly Rule[] = RULES) {}

  /** Add or replace a source. Returns false when the text and kind are unchanged (nothing to redo). */
  set(source: SourceFile): boolean {
    const old = this.entries.get(source.path);
    if (old && old.source.text === source.text && old.source.kind === source.kind && old.source.decodeProblem === source.decodeProblem) return false;
    this.entries.set(source.path, { source, revision: this.nextRevision++ });
    this.invalidateWorkspace();
    return true;
  }

  delete(path: string): boolean {
    if (!this.entries.delete(path)) return false;
    this.findingsCache.delete(path);
    this.invalidateWorkspace();
    return true;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  source(path: string): SourceFile | undefined {
    return this.entries.get(path)?.source;
  }

  /** The revision of a file's text; a result computed at another revision is stale. */
  revision(path: string): number | undefined {
    return this.entries.get(path)?.revision;
  }

  /** The parsed model of a file, parsed once per text (undefined for a kind without a parser). */
  parsed(path: string): ParsedFile | undefined {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    if (entry.parsed === undefined) entry.parsed = parseSource(entry.source) ?? null;
    return entry.parsed ?? undefined;
  }

  workspace(): Workspace {
    if (!this.builtWorkspace) {
      const files = this.paths().map((path) => this.parsed(path)).filter((p): p is ParsedFile => p !== undefined);
      this.builtWorkspace = buildWorkspace(files);
    }
    return this.builtWorkspace;
  }

  /** The files that share a host with `path` (itself included): a change to one can change the others' findings. */
  hostFiles(path: string): string[] {
    if (!this.hostsByFile) {
      this.hostsByFile = new Map();
      for (const host of this.workspace().hosts) {
        for (const file of host.files) {
          const known = this.hostsByFile.get(file) ?? [];
          this.hostsByFile.set(file, [...new Set([...known, ...host.files])]);
        }
      }
    }
    return this.hostsByFile.get(path) ?? (this.entries.has(path) ? [path] : []);
  }

  /** The sources of `path`'s hosts: all that fix checks need to re-lint. */
  hostSources(path: string): SourceFile[] {
    return this.hostFiles(path).map((file) => this.entries.get(file)?.source).filter((s): s is SourceFile => s !== undefined);
  }

  /** The findings of one file under `options`, recomputed only when something they depend on changed. */
  findings(path: string, options: LintOptions): FileFindings {
    if (!this.entries.has(path)) return { findings: [], resultId: '0' };
    const key = this.cacheKey(path, options);
    const cached = this.findingsCache.get(path);
    if (cached?.key === key) return cached;
    const findings = lintWorkspace(this.workspace(), options, new Set([path]), this.rules).get(path) ?? [];
    const result = { key, findings, resultId: String(this.nextResultId++) };
    this.findingsCache.set(path, result);
    return result;
  }

  private cacheKey(path: string, options: LintOptions): string {
    const revisions = this.hostFiles(path).map((file) => `${file}@${this.entries.get(file)?.revision}`);
    return `${JSON.stringify(options)}|${revisions.join('|')}`;
  }

  private invalidateWorkspace(): void {
    this.builtWorkspace = undefined;
    this.hostsByFile = undefined;
  }
}
