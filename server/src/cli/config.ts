/** Finding and reading `.dockguard.yaml` for the CLI; a broken config is a usage error (exit 2). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { AddedFiles } from '../engine/kind';
import { withDefaults, type LintOptions } from '../engine/options';
import { findProjectConfig, loadProjectConfig, type ProjectConfig } from '../engine/project-config';
import { UsageError } from './sources';

export function readConfigFile(path: string, ruleIds: ReadonlySet<string>, cwd = process.cwd()): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const result = loadProjectConfig(text, path, ruleIds);
  if (result.config) return result.config;
  const first = result.problems[0];
  const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more problem${result.problems.length > 2 ? 's' : ''})` : '';
  throw new UsageError(`invalid config ${relative(cwd, path) || path}:${first.line}:${first.column}: ${first.message}${more}`);
}

/**
 * The config for each linted file: `--config` for all, else the nearest one, read once per file.
 * As `AddedFiles`, the kind its config's patterns give a file (asked only of files the kind table does not claim).
 */
export class ConfigResolver implements AddedFiles {
  private readonly byDir = new Map<string, ProjectConfig | undefined>();
  private readonly byPath = new Map<string, ProjectConfig>();

  constructor(private readonly cwd: string, private readonly ruleIds: ReadonlySet<string>, private readonly explicit?: ProjectConfig) {}

  kindOf(file: string): string | undefined {
    return this.configFor(file)?.addedFiles?.kindOf(file);
  }

  configFor(file: string): ProjectConfig | undefined {
    if (this.explicit) return this.explicit;
    const dir = dirname(file);
    if (!this.byDir.has(dir)) {
      const path = findProjectConfig(dir, [], existsSync);
      if (path !== undefined && !this.byPath.has(path)) this.byPath.set(path, readConfigFile(path, this.ruleIds, this.cwd));
      this.byDir.set(dir, path === undefined ? undefined : this.byPath.get(path));
    }
    return this.byDir.get(dir);
  }
}

/** The options a file is linted with: its config file's, with the command line's winning. */
export function effectiveOptions(config: ProjectConfig | undefined, overrides: Partial<LintOptions>): LintOptions {
  return withDefaults({ ...config?.options, ...overrides });
}
