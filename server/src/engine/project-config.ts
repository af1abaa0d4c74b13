/**
 * The project config file `.dockguard.yaml`: profile, dockerVersion, per-rule settings, ignore
 * patterns, overrides and machines (schemas/dockguard-config.schema.json defines it). daemon.json
 * has no comments, so `overrides` is where its findings are suppressed. Both front ends find it
 * with `findProjectConfig` and load it with `loadProjectConfig`.
 */
import { dirname, join, resolve } from 'node:path';
import { parseDockguardConfig, type AuditSettings, type ConfigIgnore, type ConfigOverride, type DockguardConfigFile, type KindFiles } from './config-file';
import { addedFiles } from './ignore';
import type { AddedFiles } from './kind';
import type { MachineDeclaration } from './machine';
import type { LintOptions, Profile, RuleSetting } from './options';
import type { Project } from './project';
import type { Span } from './types';

export const PROJECT_CONFIG_NAME = '.dockguard.yaml';

export interface ProjectConfig {
  /** Absolute path of the config file. */
  path: string;
  /** What the file sets; the CLI lays its flags over it, the editor lays it over the user's settings. */
  options: Partial<LintOptions>;
  /** .gitignore patterns relative to the config file's folder; matching files are skipped by folder walks. */
  ignore: ConfigIgnore[];
  /** Rules turned off for some files, with the reason. */
  overrides: ConfigOverride[];
  /** Folders that are one machine where the layout does not show it, with the daemon.json it reads. */
  machines: MachineDeclaration[];
  /** `compose.projects`, each file an absolute path: what the models are declared (`Project.declareForModels`). */
  composeProjects: { name?: string; files: string[] }[];
  /** `compose.files`, `audit.files`: patterns that add files to a kind, as written (for the editor's file watcher). */
  kindFiles: KindFiles[];
  /** The same, matched: what extends the kind table's detection for the files this config governs. */
  addedFiles?: AddedFiles;
}

/** A problem in the config file, `line`/`column` 1-based, ready to print as `path:line:col: message`. */
export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

export type ConfigLoadResult = { config: ProjectConfig; problems: [] } | { config?: undefined; problems: ConfigProblem[] };

/** Everything wrong with a parsed config: the schema's problems and rule ids the registry does not have. */
export function configProblems(file: DockguardConfigFile, knownRuleIds: ReadonlySet<string>): { span: Span; message: string }[] {
  const reported = new Set(file.problems.map((p) => p.span.start));
  const unknown = (id: { value: string; span: Span }) =>
    knownRuleIds.has(id.value) || reported.has(id.span.start) ? [] : [{ span: id.span, message: `unknown rule '${id.value}' (rule ids look like DG103)` }];
  return [...file.problems, ...file.rules.flatMap((rule) => unknown(rule.id)), ...file.overrides.flatMap((o) => o.rules.flatMap(unknown))].sort((a, b) => a.span.start - b.span.start);
}

/** Parses and validates the text of a `.dockguard.yaml`; an empty file is an empty config. */
export function loadProjectConfig(text: string, path: string, knownRuleIds: ReadonlySet<string>): ConfigLoadResult {
  const file = parseDockguardConfig(path, text);
  const problems = configProblems(file, knownRuleIds);
  if (problems.length > 0) {
    return {
      problems: problems.map(({ span, message }) => {
        const { line, col } = file.lineCounter.linePos(span.start);
        return { line, column: col, message };
      }),
    };
  }
  const options: Partial<LintOptions> = {};
  if (file.profile !== undefined) options.profile = file.profile as Profile;
  if (file.dockerVersion !== undefined) options.dockerVersion = file.dockerVersion;
  if (file.rules.length > 0) options.rules = Object.fromEntries(file.rules.map((rule) => [rule.id.value, rule.setting as RuleSetting]));
  if (file.auditIgnorePaths.length > 0) options.settings = { audit: { ignorePaths: file.auditIgnorePaths } satisfies AuditSettings };
  const base = dirname(resolve(path));
  const configPath = resolve(path);
  if (file.overrides.length > 0) {
    options.overrides = file.overrides.map((o, entry) => ({ config: configPath, entry, base, files: o.files, rules: o.rules.map((r) => r.value), ...(o.reason ? { reason: o.reason } : {}) }));
  }
  const machines = file.machines.map(({ root, daemon }) => ({
    root: resolve(base, root).replace(/\\/g, '/').replace(/\/?$/, '/'),
    ...(daemon ? { daemon: daemon.replace(/^\/+/, '') } : {}),
  }));
  const composeProjects = file.composeProjects.map((p) => ({ ...p, files: p.files.map((f) => resolve(base, f).replace(/\\/g, '/')) }));
  const added = addedFiles(base, file.kindFiles);
  const config: ProjectConfig = { path: configPath, options, ignore: file.ignore, overrides: file.overrides, machines, composeProjects, kindFiles: file.kindFiles, ...(added ? { addedFiles: added } : {}) };
  return { config, problems: [] };
}

/**
 * The nearest `.dockguard.yaml` for the file in `dir`: that folder upward, stopping at the
 * repository root (a folder holding `.git`) or at one of `roots` (the editor's workspace folders),
 * whichever comes first, else at the filesystem root. The working directory plays no part, so the
 * CLI run from a subfolder and the editor find the same file.
 */
export function findProjectConfig(dir: string, roots: readonly string[], exists: (path: string) => boolean): string | undefined {
  const stops = new Set(roots.map((root) => resolve(root)));
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, PROJECT_CONFIG_NAME);
    if (exists(candidate)) return candidate;
    if (stops.has(current) || exists(join(current, '.git')) || dirname(current) === current) return undefined;
  }
}

/**
 * Hands a project what the configs declare, the same way in both front ends: their machines, and
 * their Compose projects — settings the models read, and sets of files that are one machine.
 */
export function declareConfigs(project: Project, configs: readonly (ProjectConfig | undefined)[]): void {
  const loaded = configs.filter((config): config is ProjectConfig => config !== undefined);
  project.declareMachines(loaded.flatMap((config) => config.machines));
  const projects = loaded.flatMap((config) => config.composeProjects);
  project.declareForModels({ compose: { projects } }, projects.map((p) => ({ paths: p.files, kind: 'compose' })));
}
