/**
 * One CLI lint: every file read and parsed once into one project, linted machine by machine under
 * the options of the config that governs each file, optionally fixed and written back, then
 * reported. Whether a finding is fixable is what a dry run of `--fix` (and `--fix-unsafe`) applies,
 * so the count promises exactly what the flag does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeText, loadSource, ReadError, type Encoding } from '../engine/files';
import { findingKey, fixAll } from '../engine/fixes';
import { kindOfPath } from '../engine/kind';
import { parseDockguardConfig, type DockguardConfigFile } from '../engine/config-file';
import { fixBuilderError } from '../engine/lint';
import { applyEdits } from '../engine/edits';
import { overrideFixProblem, unusedOverrideFindings } from '../engine/override-usage';
import { withDefaults, type LintOptions } from '../engine/options';
import { Project, type SourceFile } from '../engine/project';
import { declareConfigs, type ProjectConfig } from '../engine/project-config';
import type { Registry } from '../engine/registry';
import type { SuppressedFinding } from '../engine/suppressions';
import type { Finding, Fix, FixSafety, TextEdit } from '../engine/types';
import { effectiveOptions, type ConfigResolver } from './config';
import { UsageError, type FoundFile } from './sources';

export interface LintRequest {
  files: FoundFile[];
  configs: ConfigResolver;
  /** Command-line options; they win over the config file's. */
  overrides: Partial<Pick<LintOptions, 'profile' | 'dockerVersion'>>;
  /** Fix safeties to apply and write back (`--fix`: safe; `--fix-unsafe`: safe and unsafe). */
  fix?: readonly FixSafety[];
  /** `--diff`: compute what the fix would write and write nothing. */
  dryRun?: boolean;
  registry: Registry;
}

export interface LintOutcome {
  sources: SourceFile[];
  findings: Map<string, Finding[]>;
  /** The fix `--fix` or `--fix-unsafe` would really apply to each finding it resolves. */
  offerable: Map<Finding, Fix[]>;
  /** Each file written back or created by the fix (with `dryRun`: that would be), its text before (undefined: created) and after. */
  changes: FileChange[];
  /** What pragmas and the config's overrides suppressed, per file. */
  suppressed: Map<string, SuppressedFinding[]>;
}

export interface FileChange {
  path: string;
  before?: string;
  after: string;
  /** The fixes written here, each one problem resolved (a fix that writes two files counts in both). */
  problems: number;
}

/** Files of one machine linted under one set of options. */
interface Group {
  options: LintOptions;
  files: string[];
}

export function lintFiles(request: LintRequest): LintOutcome {
  const project = new Project(request.registry);
  const encodings = new Map<string, Encoding>();
  const optionsByConfig = new Map<ProjectConfig | undefined, LintOptions>();
  const optionsOf = new Map<string, LintOptions>();
  const linted: string[] = [];
  for (const file of request.files) {
    const config = request.configs.configFor(file.path);
    let loaded;
    try {
      loaded = loadSource(file.path, file.kind);
    } catch (error) {
      // Context the user did not name is read where it can be; a named or walked file must be.
      if (file.context && error instanceof ReadError) continue;
      if (error instanceof ReadError) throw new UsageError(error.message);
      throw error;
    }
    project.set(loaded.source);
    encodings.set(file.path, loaded.encoding);
    if (file.context) continue;
    if (!optionsByConfig.has(config)) optionsByConfig.set(config, effectiveOptions(config, request.overrides));
    optionsOf.set(file.path, optionsByConfig.get(config)!);
    linted.push(file.path);
  }
  declareConfigs(project, [...optionsByConfig.keys()]);

  const changes = request.fix ? applyFixes(project, groupsOf(project, linted, optionsOf), request.fix, encodings, request.registry, request.configs, request.dryRun === true) : [];
  // A file a fix created is reported with the rest.
  for (const { path } of changes) if (!optionsOf.has(path)) linted.push(path);

  const findings = new Map<string, Finding[]>();
  const suppressed = new Map<string, SuppressedFinding[]>();
  for (const path of linted) {
    const result = project.findings(path, optionsOf.get(path) ?? withDefaults(request.overrides));
    findings.set(path, [...result.findings]);
    if (result.suppressed?.length) suppressed.set(path, result.suppressed);
  }
  const offerable = fixableFindings(project, groupsOf(project, linted, optionsOf), findings);
  // DG009 on an overrides entry that suppressed nothing in the files its config governs: the
  // config joins the report only then (a folder walk does not lint it).
  for (const [config, options] of optionsByConfig) {
    if (!config?.overrides.length || optionsOf.has(config.path)) continue;
    const governed = linted.filter((path) => optionsOf.get(path) === options);
    const loaded = loadSource(config.path, 'dockguard-config');
    const source = loaded.source;
    const parsed = parseDockguardConfig(config.path, source.text);
    const unused = unusedOverrideFindings(parsed, governed.flatMap((path) => suppressed.get(path) ?? []), request.registry, options);
    if (unused.length === 0) continue;
    const removal = overrideRemoval(parsed, unused, request.registry);
    for (const finding of removal.resolves) offerable.set(finding, finding.fixes);
    if (request.fix && removal.resolves.length > 0) {
      writeFile(config.path, removal.text, loaded.encoding, request.dryRun === true);
      changes.push({ path: config.path, before: source.text, after: removal.text, problems: removal.resolves.length });
      unused.splice(0, unused.length, ...unused.filter((f) => !removal.resolves.includes(f)));
      if (unused.length === 0) continue;
    }
    project.set(source);
    findings.set(config.path, unused);
    linted.push(config.path);
  }
  // A fix builder that threw (read by the dry runs above) is an internal error, never a crash.
  for (const list of findings.values()) {
    for (const finding of [...list]) {
      const error = fixBuilderError(finding);
      if (error) list.push(error);
    }
  }
  const sources = linted.map((path) => project.source(path)!).filter((s) => s !== undefined);
  return { sources, findings, offerable, changes, suppressed };
}

/** The linted files per machine and options. */
function groupsOf(project: Project, files: readonly string[], optionsOf: ReadonlyMap<string, LintOptions>): Group[] {
  const groups = new Map<string, Group>();
  for (const path of files) {
    const options = optionsOf.get(path);
    if (!options || project.source(path)?.decodeProblem) continue;
    const key = `${project.machineKeyOf(path)}\u0001${JSON.stringify(options)}`;
    const group = groups.get(key) ?? { options, files: [] };
    group.files.push(path);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Apply the fixes and write every changed or created file (unless `dryRun`); returns the changes. */
function applyFixes(project: Project, groups: readonly Group[], safeties: readonly FixSafety[], encodings: Map<string, Encoding>, registry: Registry, configs: ConfigResolver, dryRun: boolean): LintOutcome['changes'] {
  const written: LintOutcome['changes'] = [];
  for (const group of groups) {
    const { texts, applied } = fixAll(project, group.files, group.options, safeties);
    const problems = new Map<string, number>();
    for (const { finding, fix } of applied) {
      const files = new Set([...(fix.edits.length > 0 ? [finding.file] : []), ...(fix.otherFiles ?? []).filter((other) => other.edits.length > 0).map((other) => other.file)]);
      for (const file of files) problems.set(file, (problems.get(file) ?? 0) + 1);
    }
    for (const [path, text] of texts) {
      const existing = project.source(path);
      const kind = existing?.kind ?? kindOfPath(registry.kinds, path, configs)?.name;
      if (!kind || existing?.text === text) continue;
      writeFile(path, text, encodings.get(path) ?? 'utf-8', dryRun);
      project.set({ path, kind, text });
      written.push({ path, before: existing?.text, after: text, problems: problems.get(path) ?? 0 });
    }
  }
  return written;
}

/** Writes a fixed file (creating its folder), unless `dryRun`. */
function writeFile(path: string, text: string, encoding: Encoding, dryRun: boolean): void {
  if (dryRun) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, encodeText(text, encoding));
  } catch (error) {
    throw new UsageError(`cannot write the fixes to ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * The config without its unused overrides (DG009's safe fixes, applied together): those whose edits
 * do not touch another's, as long as the config stays valid. Removing what suppressed nothing
 * changes no other finding, so nothing else is linted again.
 */
function overrideRemoval(config: DockguardConfigFile, unused: readonly Finding[], registry: Registry): { text: string; resolves: Finding[] } {
  const taken: { finding: Finding; edits: TextEdit[] }[] = [];
  for (const finding of unused) {
    const edits = finding.fixes.find((fix) => fix.safety === 'safe')?.edits ?? [];
    const touches = (a: TextEdit, b: TextEdit) => a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
    if (edits.length > 0 && !taken.some((t) => t.edits.some((e) => edits.some((own) => touches(e, own))))) taken.push({ finding, edits });
  }
  const fix: Fix = { title: 'remove the unused overrides', safety: 'safe', edits: taken.flatMap((t) => t.edits).sort((a, b) => a.offset - b.offset) };
  if (taken.length === 0 || overrideFixProblem(config, fix, registry.ruleIds) !== undefined) return { text: config.text, resolves: [] };
  return { text: applyEdits(config.text, fix.edits), resolves: taken.map((t) => t.finding) };
}

/**
 * What `--fix` and `--fix-unsafe` would resolve, from dry runs per machine: a finding is fixable
 * with the flag whose run leaves it gone (by its own fix, or by another's, as one fix ends a
 * conflict reported in two files). Its fix is the one the run applied to it, else its own (a
 * finding without a fix of that safety is not called fixable).
 */
function fixableFindings(project: Project, groups: readonly Group[], findings: Map<string, Finding[]>): Map<Finding, Fix[]> {
  const offerable = new Map<Finding, Fix[]>();
  for (const group of groups) {
    const originals = group.files.flatMap((path) => findings.get(path) ?? []);
    if (!originals.some((f) => f.fixes.length > 0)) continue;
    for (const safeties of [['safe'], ['safe', 'unsafe']] as FixSafety[][]) {
      const run = fixAll(project, group.files, group.options, safeties);
      const appliedTo = new Map(run.applied.map(({ finding, fix }) => [finding, fix]));
      const remaining = new Map<string, number>();
      for (const list of run.findings.values()) for (const f of list) remaining.set(findingKey(f), (remaining.get(findingKey(f)) ?? 0) + 1);
      const byKey = new Map<string, Finding[]>();
      for (const f of originals) byKey.set(findingKey(f), [...(byKey.get(findingKey(f)) ?? []), f]);
      for (const [key, list] of byKey) {
        // Those whose own fix ran resolve first; as many as are gone count as fixable.
        const ordered = [...list.filter((f) => appliedTo.has(f)), ...list.filter((f) => !appliedTo.has(f))];
        for (const finding of ordered.slice(0, Math.max(0, list.length - (remaining.get(key) ?? 0)))) {
          if (offerable.has(finding)) continue;
          const fix = appliedTo.get(finding) ?? finding.fixes.find((f) => safeties.includes(f.safety));
          if (!fix) continue;
          // A safe fix that only holds beside unsafe ones is applied by --fix-unsafe alone.
          offerable.set(finding, [safeties.length === 1 || fix.safety !== 'safe' ? fix : { ...fix, safety: 'unsafe' }]);
        }
      }
    }
  }
  return offerable;
}
