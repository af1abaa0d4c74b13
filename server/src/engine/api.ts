/**
 * The engine's front door, used by the CLI, the language server, the benchmark and the tests:
 * sources in, findings (grouped by file) out.
 */
import { lintWorkspace } from './lint';
import type { LintOptions } from './options';
import type { Rule } from './rule';
import type { Finding } from './types';
import { buildWorkspace, parseSource, type ParsedFile, type SourceFile, type Workspace } from './workspace';
import { RULES } from '../rules';

export interface LintResult {
  workspace: Workspace;
  /** Findings per linted file path, sorted by position. */
  findings: Map<string, Finding[]>;
}

/** Parse every source once, group them into hosts and run the rule pack. */
export function lintSources(sources: readonly SourceFile[], options: LintOptions, onlyFiles?: ReadonlySet<string>, rules: readonly Rule[] = RULES): LintResult {
  const parsed = sources.map(parseSource).filter((p): p is ParsedFile => p !== undefined);
  const workspace = buildWorkspace(parsed);
  return { workspace, findings: lintWorkspace(workspace, options, onlyFiles, rules) };
}
