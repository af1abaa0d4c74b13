import { relative } from 'node:path';
import { LineIndex } from '../../engine/positions';
import type { Finding, Fix, FixSafety, Span } from '../../engine/types';
import type { SourceFile } from '../../engine/project';
import type { SuppressedFinding } from '../../engine/suppressions';

/** 1-based line and column of both ends of a range (columns in UTF-16 units; the end is exclusive). */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A finding with 1-based positions and a path relative to the working directory, as users read it. */
export interface PlacedFinding extends Region {
  finding: Finding;
  file: string;
  /** The fixes the engine would really apply (they passed its re-lint checks). */
  fixes: Fix[];
  /** `safe` when `--fix` resolves it, `unsafe` when only `--fix-unsafe` does. */
  fixable?: Exclude<FixSafety, 'display-only'>;
  /** Set on a suppressed finding (reported with `--report-suppressed` only). */
  suppression?: { kind: SuppressedFinding['kind']; reason?: string };
}

export interface LintReport {
  sources: SourceFile[];
  findings: Map<string, Finding[]>;
  offerable: Map<Finding, Fix[]>;
  suppressed?: Map<string, SuppressedFinding[]>;
}

/** Converts offsets in one file's text to regions, building the line index once. */
export class RegionMapper {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly sources: readonly SourceFile[]) {}

  region(file: string, span: Span): Region {
    let index = this.indexes.get(file);
    if (!index) {
      index = new LineIndex(this.sources.find((s) => s.path === file)?.text ?? '');
      this.indexes.set(file, index);
    }
    const start = index.positionAt(span.start);
    const end = index.positionAt(span.end);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  }
}

/** The findings in file order, each file's suppressed ones among them (sorted by place) when asked for. */
export function placeFindings(report: LintReport, cwd = process.cwd(), withSuppressed = false): PlacedFinding[] {
  const mapper = new RegionMapper(report.sources);
  const placed: PlacedFinding[] = [];
  for (const source of report.sources) {
    const file = displayPath(source.path, cwd);
    const inFile: PlacedFinding[] = [];
    for (const finding of report.findings.get(source.path) ?? []) {
      const fixes = report.offerable.get(finding) ?? [];
      const fixable = fixes.some((f) => f.safety === 'safe') ? 'safe' : fixes.some((f) => f.safety === 'unsafe') ? 'unsafe' : undefined;
      inFile.push({ finding, file, ...mapper.region(source.path, finding.span), fixes, fixable });
    }
    if (withSuppressed) {
      for (const { finding, kind, reason } of report.suppressed?.get(source.path) ?? []) {
        inFile.push({ finding, file, ...mapper.region(source.path, finding.span), fixes: [], suppression: { kind, ...(reason ? { reason } : {}) } });
      }
      inFile.sort((a, b) => a.finding.span.start - b.finding.span.start || a.finding.ruleId.localeCompare(b.finding.ruleId));
    }
    placed.push(...inFile);
  }
  return placed;
}

export function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).replace(/\\/g, '/') || path;
}
