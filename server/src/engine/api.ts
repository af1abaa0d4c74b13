/**
 * The engine's front door for one-shot lints (the CLI, the tests): sources in, findings (grouped by
 * file) out, through the same Project the language server keeps.
 */
import type { LintOptions } from './options';
import { Project, type SourceFile } from './project';
import type { Registry } from './registry';
import type { Finding } from './types';

export interface LintResult {
  project: Project;
  /** Findings per linted file path, sorted by position. */
  findings: Map<string, Finding[]>;
}

/** A project holding `sources`, each parsed once. */
export function projectOf(sources: readonly SourceFile[], registry: Registry): Project {
  const project = new Project(registry);
  for (const source of sources) project.set(source);
  return project;
}

/** Lint every machine the sources form. */
export function lintSources(sources: readonly SourceFile[], options: LintOptions, registry: Registry): LintResult {
  const project = projectOf(sources, registry);
  const findings = new Map<string, Finding[]>();
  for (const source of sources) {
    if (project.kindOf(source.path)) findings.set(source.path, project.findings(source.path, options).findings);
  }
  return { project, findings };
}
