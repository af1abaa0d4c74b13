import { relative } from 'node:path';
import { LineIndex } from '../../engine/positions';
import type { Finding } from '../../engine/types';
import type { SourceFile } from '../../engine/workspace';

/** A finding with 1-based positions and a path relative to the working directory, as users read it. */
export interface PlacedFinding {
  finding: Finding;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintReport {
  sources: SourceFile[];
  findings: Map<string, Finding[]>;
}

export function placeFindings(report: LintReport, cwd = process.cwd()): PlacedFinding[] {
  const placed: PlacedFinding[] = [];
  for (const source of report.sources) {
    const index = new LineIndex(source.text);
    for (const finding of report.findings.get(source.path) ?? []) {
      const start = index.positionAt(finding.span.start);
      const end = index.positionAt(finding.span.end);
      placed.push({ finding, file: displayPath(source.path, cwd), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 });
    }
  }
  return placed;
}

export function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).replace(/\\/g, '/') || path;
}
