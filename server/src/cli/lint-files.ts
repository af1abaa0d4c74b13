/**
 * One CLI lint: files grouped by the project config that governs them, linted together (so a host's
 * files still meet), optionally fixed and written back, then linted again to report what remains.
 */
import { writeFileSync } from 'node:fs';
import { lintSources } from '../engine/api';
import { fixAll, offerableFixes } from '../engine/fixes';
import type { LintOptions } from '../engine/options';
import { isIgnored, type ProjectConfig } from '../engine/project-config';
import type { Finding, Fix, FixSafety } from '../engine/types';
import type { SourceFile } from '../engine/workspace';
import { hostRootOf } from '../model/host';
import { effectiveOptions, type ConfigResolver } from './config';
import { encodeText, loadSource, UsageError, type Encoding, type FoundFile } from './sources';

export interface LintRequest {
  files: FoundFile[];
  configs: ConfigResolver;
  /** Command-line options; they win over the config file's. */
  overrides: Partial<Pick<LintOptions, 'profile' | 'dockerVersion'>>;
  /** Fix safeties to apply and write back (`--fix`: safe; `--fix-unsafe`: safe and unsafe). */
  fix?: readonly FixSafety[];
}

export interface LintOutcome {
  sources: SourceFile[];
  findings: Map<string, Finding[]>;
  /** The fixes of each finding that pass the engine's checks (what `--fix` would really apply). */
  offerable: Map<Finding, Fix[]>;
  /** Paths written back by the fix. */
  fixedFiles: string[];
}

interface Group {
  options: LintOptions;
  files: Set<string>;
}

export function lintFiles(request: LintRequest): LintOutcome {
  const encodings = new Map<string, Encoding>();
  const groups = new Map<ProjectConfig | undefined, Group>();
  let sources: SourceFile[] = [];
  for (const file of request.files) {
    const config = request.configs.configFor(file.path);
    if (config && !file.explicit && isIgnored(config, file.path)) continue;
    const loaded = loadSource(file.path, file.kind);
    sources.push(loaded.source);
    encodings.set(file.path, loaded.encoding);
    let group = groups.get(config);
    if (!group) {
      group = { options: effectiveOptions(config, request.overrides), files: new Set() };
      groups.set(config, group);
    }
    group.files.add(file.path);
  }

  const fixedFiles: string[] = [];
  if (request.fix) {
    const original = new Map(sources.map((s) => [s.path, s.text]));
    for (const group of groups.values()) {
      for (const path of group.files) {
        if (sources.find((s) => s.path === path)?.decodeProblem) continue;
        const changed = fixAll(sameHost(sources, path), path, group.options, request.fix);
        sources = sources.map((s) => (changed.has(s.path) ? { ...s, text: changed.get(s.path)! } : s));
      }
    }
    for (const source of sources) {
      if (source.text === original.get(source.path)) continue;
      try {
        writeFileSync(source.path, encodeText(source.text, encodings.get(source.path)!));
      } catch (error) {
        throw new UsageError(`cannot write the fixes to ${source.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      fixedFiles.push(source.path);
    }
  }

  const findings = new Map<string, Finding[]>();
  const offerable = new Map<Finding, Fix[]>();
  for (const group of groups.values()) {
    const result = lintSources(sources, group.options, group.files);
    for (const [file, list] of result.findings) {
      findings.set(file, list);
      if (!list.some((f) => f.fixes.length > 0)) continue;
      const neighbours = sameHost(sources, file);
      const before = lintSources(neighbours, group.options).findings;
      for (const finding of list) {
        if (finding.fixes.length > 0) offerable.set(finding, offerableFixes(neighbours, finding, group.options, before));
      }
    }
  }
  return { sources, findings, offerable, fixedFiles };
}

/** The files of the host `file` belongs to: all a fix needs re-linted (not every file of the run). */
function sameHost(sources: SourceFile[], file: string): SourceFile[] {
  const root = hostRootOf(file);
  return sources.filter((s) => s.path === file || hostRootOf(s.path) === root);
}
