/**
 * The incremental project every front end lints through (the language server keeps one; the CLI
 * builds one per run): it keeps every source by path, parses a text once, knows each file's machine
 * (`MachineIndex`) and re-lints a machine only when one of its files or the options changed. A
 * keystroke re-parses one file and re-runs the rules of one machine, whatever the workspace's size.
 * Fix checks lint a machine with some texts changed, reusing every other file's parse.
 */
import { kindOfPath, type FileLink, type KindModule, type ParsedFileBase } from './kind';
import { lintMachine } from './lint';
import { MachineIndex, MachineView, type Machine, type MachineDeclaration } from './machine';
import type { LintOptions } from './options';
import type { Registry } from './registry';
import type { SuppressedFinding } from './suppressions';
import type { Finding } from './types';

export interface SourceFile {
  path: string;
  text: string;
  kind: string;
  /** Set when the bytes could not be decoded into text (reported as DG001). */
  decodeProblem?: string;
  /** Where in `text` the problem is (the offending byte's character), else its start. */
  decodeOffset?: number;
}

interface Entry {
  source: SourceFile;
  kind?: KindModule;
  /** Bumped on every change of text, so caches keyed by it never serve a stale result. */
  revision: number;
  parsed?: ParsedFileBase;
}

export interface FileFindings {
  findings: Finding[];
  /** Changes whenever the findings were recomputed (LSP pull diagnostics' resultId). */
  resultId: string;
  /** What pragmas and the config's overrides suppressed (`--report-suppressed`). */
  suppressed?: SuppressedFinding[];
}

interface MachineResult {
  revision: number;
  files: Map<string, FileFindings>;
}

/** Parse a source with its kind's parser; a decode problem becomes the file's first syntax error. */
export function parseSource(kind: KindModule, source: SourceFile): ParsedFileBase {
  const parsed = kind.parse(source.path, source.decodeProblem ? '' : source.text);
  const at = Math.min(source.decodeOffset ?? 0, source.text.length);
  if (source.decodeProblem) parsed.syntaxErrors.unshift({ span: { start: at, end: Math.min(at + 1, source.text.length) }, message: source.decodeProblem });
  return parsed;
}

export class Project {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new MachineIndex();
  private readonly machineRevisions = new Map<string, number>();
  private readonly views = new Map<string, { revision: number; view: MachineView }>();
  private readonly results = new Map<string, MachineResult>();
  private readonly optionKeys = new WeakMap<LintOptions, string>();
  private declared: Readonly<Record<string, unknown>> = {};
  private nextRevision = 1;
  private nextResultId = 1;

  constructor(readonly registry: Registry) {}

  /** Add or replace a source. Returns false when the text and kind are unchanged (nothing to redo). */
  set(source: SourceFile): boolean {
    const old = this.entries.get(source.path);
    if (old && old.source.text === source.text && old.source.kind === source.kind && old.source.decodeProblem === source.decodeProblem) return false;
    const kind = this.registry.kindsByName.get(source.kind);
    this.entries.set(source.path, { source, kind, revision: this.nextRevision++ });
    const touched = kind ? this.index.add(source.path, kind) : this.index.remove(source.path);
    if (kind?.links) for (const key of this.index.link(source.path, this.linksOf(source.path).map((l) => l.path))) touched.add(key);
    this.touch(touched);
    return true;
  }

  delete(path: string): boolean {
    if (!this.entries.delete(path)) return false;
    this.touch(this.index.remove(path));
    return true;
  }

  /** The machines `.dockguard.yaml` files declare (`machines:`), replacing the previous set. */
  declareMachines(declarations: readonly MachineDeclaration[]): void {
    this.touch(this.index.declare(declarations));
  }

  /**
   * What the config files declare for the models (`compose.projects`), replacing the previous; every
   * machine re-lints when it changed. `joined` names the sets of files that are then one machine
   * wherever their folders are (a declared Compose project's files), each with the kind its files are.
   */
  declareForModels(declared: Readonly<Record<string, unknown>>, joined: readonly { paths: readonly string[]; kind: string }[] = []): void {
    const sets = joined.map(({ paths, kind }) => {
      const module = this.registry.kindsByName.get(kind);
      return { paths, group: module?.looseGroup ?? kind };
    });
    const touched = this.index.joinDeclared(sets);
    if (JSON.stringify(declared) !== JSON.stringify(this.declared)) {
      this.declared = declared;
      for (const key of this.index.machineKeys()) touched.add(key);
    }
    this.touch(touched);
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

  kindOf(path: string): KindModule | undefined {
    return this.entries.get(path)?.kind;
  }

  /** The revision of a file's text; a result computed at another revision is stale. */
  revision(path: string): number | undefined {
    return this.entries.get(path)?.revision;
  }

  /** The files a file links to (its kind's `links`: a Compose file's `extends.file`, `include`), parsed once per text. */
  linksOf(path: string): FileLink[] {
    const kind = this.entries.get(path)?.kind;
    // Only a kind that links is parsed here: any other waits for its machine's lint, as before links.
    if (!kind?.links) return [];
    const parsed = this.parsed(path);
    return parsed ? kind.links(parsed) : [];
  }

  /** The parsed model of a file, parsed once per text (undefined for a kind the registry lacks). */
  parsed(path: string): ParsedFileBase | undefined {
    const entry = this.entries.get(path);
    if (!entry?.kind) return undefined;
    entry.parsed ??= parseSource(entry.kind, entry.source);
    return entry.parsed;
  }

  /** Every machine's key (the CLI lints them one by one). */
  machineKeys(): string[] {
    return this.index.machineKeys();
  }

  machineKeyOf(path: string): string | undefined {
    return this.index.keyOf(path);
  }

  /** The files of `path`'s machine (itself included): a change to one can change the others' findings. */
  machineFiles(path: string): string[] {
    const key = this.index.keyOf(path);
    return key === undefined ? (this.entries.has(path) ? [path] : []) : this.index.pathsOf(key);
  }

  machine(key: string): Machine {
    const revision = this.machineRevisions.get(key) ?? 0;
    const cached = this.views.get(key);
    if (cached?.revision === revision) return cached.view;
    const files = this.index.pathsOf(key).map((path) => this.parsed(path)).filter((f): f is ParsedFileBase => f !== undefined);
    const view = this.viewOf(key, files);
    this.views.set(key, { revision, view });
    return view;
  }

  /** The findings of one file under `options`, recomputed only when its machine or the options changed. */
  findings(path: string, options: LintOptions): FileFindings {
    const key = this.index.keyOf(path);
    if (key === undefined) return { findings: [], resultId: '0' };
    return this.machineResult(key, options).files.get(path) ?? { findings: [], resultId: '0' };
  }

  /** Every file's findings on `path`'s machine (what a fix check compares against). */
  machineFindings(path: string, options: LintOptions): Map<string, Finding[]> {
    const key = this.index.keyOf(path);
    const result = new Map<string, Finding[]>();
    if (key === undefined) return result;
    for (const [file, found] of this.machineResult(key, options).files) result.set(file, found.findings);
    return result;
  }

  /**
   * The findings of `path`'s machine as they would be with some texts changed (a fix being checked);
   * a changed path the project does not hold is a file the fix creates. Nothing is kept.
   */
  lintWithChanges(path: string, changes: ReadonlyMap<string, string>, options: LintOptions): Map<string, Finding[]> {
    const key = this.index.keyOf(path) ?? path;
    const paths = new Set([...this.index.pathsOf(key), ...changes.keys()]);
    const files: ParsedFileBase[] = [];
    for (const file of paths) {
      const text = changes.get(file);
      if (text === undefined) {
        const parsed = this.parsed(file);
        if (parsed) files.push(parsed);
        continue;
      }
      const kind = this.entries.get(file)?.kind ?? kindOfPath(this.registry.kinds, file);
      if (kind) files.push(parseSource(kind, { path: file, kind: kind.name, text }));
    }
    return lintMachine(this.viewOf(key, files), this.registry, options);
  }

  private viewOf(key: string, files: ParsedFileBase[]): MachineView {
    const { root, hostTree, declaration } = this.index.describe(key);
    return new MachineView(key, root, hostTree, files, this.registry.models, declaration, this.declared);
  }

  private machineResult(key: string, options: LintOptions): MachineResult {
    const revision = this.machineRevisions.get(key) ?? 0;
    const cacheKey = `${key}\u0001${this.optionsKey(options)}`;
    const cached = this.results.get(cacheKey);
    if (cached?.revision === revision) return cached;
    const files = new Map<string, FileFindings>();
    const resultId = String(this.nextResultId++);
    const suppressed = new Map<string, SuppressedFinding[]>();
    for (const [file, findings] of lintMachine(this.machine(key), this.registry, options, suppressed)) files.set(file, { findings, resultId, suppressed: suppressed.get(file) ?? [] });
    const result = { revision, files };
    this.results.set(cacheKey, result);
    return result;
  }

  private optionsKey(options: LintOptions): string {
    let key = this.optionKeys.get(options);
    if (key === undefined) this.optionKeys.set(options, (key = JSON.stringify(options)));
    return key;
  }

  private touch(keys: Iterable<string>): void {
    for (const key of keys) {
      this.machineRevisions.set(key, this.nextRevision++);
      if (this.index.pathsOf(key).length === 0) {
        this.views.delete(key);
        for (const cacheKey of [...this.results.keys()]) if (cacheKey.startsWith(`${key}\u0001`)) this.results.delete(cacheKey);
      }
    }
  }
}
