/**
 * `--write-baseline FILE` records the findings of a run; `--baseline FILE` then reports only the
 * findings not in it, matched by SARIF's fingerprint (not the line), so a team adopting dockguard on
 * an existing fleet fails CI only on new problems.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { SourceFile } from '../engine/project';
import type { PlacedFinding } from './formatters/common';
import { fingerprints } from './formatters/fingerprint';
import { UsageError } from './sources';

const VERSION = 1;

interface BaselineFile {
  version: number;
  /** The rule and place are for a reader; only the fingerprint is matched. */
  findings: { fingerprint: string; rule: string; file: string; line: number; message: string }[];
}

export function writeBaseline(path: string, placed: readonly PlacedFinding[], sources: readonly SourceFile[], cwd: string): void {
  const prints = fingerprints(placed, sources, cwd);
  const baseline: BaselineFile = {
    version: VERSION,
    findings: placed.map((p, i) => ({ fingerprint: prints[i], rule: p.finding.ruleId, file: p.file, line: p.line, message: p.finding.message })),
  };
  try {
    writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`cannot write the baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The findings not in the baseline at `path`. */
export function withoutBaseline(path: string, placed: readonly PlacedFinding[], sources: readonly SourceFile[], cwd: string): PlacedFinding[] {
  let known: Set<string>;
  try {
    const baseline = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
    if (baseline.version !== VERSION || !Array.isArray(baseline.findings)) throw new Error(`not a version ${VERSION} dockguard baseline`);
    known = new Set(baseline.findings.map((f) => f.fingerprint));
  } catch (error) {
    throw new UsageError(`cannot read the baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const prints = fingerprints(placed, sources, cwd);
  return placed.filter((_, i) => !known.has(prints[i]));
}
