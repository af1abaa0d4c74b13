/**
 * Runs the rule pack over a workspace. Each rule is isolated: one that throws is reported once as
 * DG000 and the others still run. Findings keep offsets; the front ends convert them.
 */
import { docsUrl, type ModelName, type Report, type Rule, type RuleContext, type RuleModels } from './rule';
import { ruleEnabled, severityFor, type LintOptions } from './options';
import type { Finding, Fix, Location, Severity, TextEdit } from './types';
import type { Workspace, ParsedFile } from './workspace';
import { suppressFindings, type SuppressionsModel } from './suppressions';
import { RULES } from '../rules';

export const INTERNAL_ERROR_ID = 'DG000';

/** Lint every file of the workspace (or only `onlyFiles`); findings grouped by file path, sorted. */
export function lintWorkspace(workspace: Workspace, options: LintOptions, onlyFiles?: ReadonlySet<string>, rules: readonly Rule[] = RULES): Map<string, Finding[]> {
  const wanted = (file: string) => !onlyFiles || onlyFiles.has(file);
  const findings = new Map<string, Finding[]>();
  const push = (finding: Finding) => {
    if (!wanted(finding.file)) return;
    const list = findings.get(finding.file) ?? [];
    list.push(finding);
    findings.set(finding.file, list);
  };
  for (const file of workspace.files) if (wanted(file.path)) findings.set(file.path, []);

  const run = (rule: Rule, suppressions: SuppressionsModel[]) => {
    const severity = severityFor(rule.meta, options);
    if (!ruleEnabled(rule.meta, options) || severity === undefined) return;
    for (const [model, fallbackFile] of modelsFor(rule.meta.reads, workspace, wanted, suppressions)) {
      runRule(rule, model, fallbackFile, severity, options, push);
    }
  };
  for (const rule of rules) if (rule.meta.reads !== 'suppressions') run(rule, []);
  // Pragmas drop the findings they cover; then DG009 judges the pragma ids that covered nothing.
  const unused = suppressFindings(workspace.files, findings, options, rules);
  for (const rule of rules) if (rule.meta.reads === 'suppressions') run(rule, unused);
  for (const list of findings.values()) list.sort(compareFindings);
  return findings;
}

/** The instances of the model a rule reads, each with the file an internal error is reported in. */
function modelsFor(reads: ModelName, workspace: Workspace, wanted: (file: string) => boolean, suppressions: SuppressionsModel[]): [RuleModels[ModelName], string][] {
  switch (reads) {
    case 'file':
      return workspace.files.filter((f) => wanted(f.path)).map((f) => [f, f.path]);
    case 'daemon-json':
      return workspace.files.filter((f): f is ParsedFile & { kind: 'daemon-json' } => f.kind === 'daemon-json' && wanted(f.path)).map((f) => [f, f.path]);
    case 'systemd':
      return workspace.files.filter((f): f is ParsedFile & { kind: 'systemd' } => f.kind === 'systemd' && f.docker && wanted(f.path)).map((f) => [f, f.path]);
    case 'daemon':
      return workspace.hosts.filter((h) => h.files.some(wanted)).map((h) => [h, h.anchor?.file ?? h.files[0]]);
    case 'suppressions':
      return suppressions.map((model) => [model, model.file.path]);
    // Audit files join when the kind table lands (issue 10); until then no audit model is built.
    case 'audit':
    case 'audit-rules':
      return [];
  }
}

function runRule(rule: Rule, model: RuleModels[ModelName], fallbackFile: string, severity: Severity, options: LintOptions, push: (f: Finding) => void): void {
  const produced: Finding[] = [];
  const context: RuleContext = {
    options: { dockerVersion: options.dockerVersion },
    report: (report) => produced.push(toFinding(rule, report, severity)),
  };
  try {
    (rule.check as (c: RuleContext, m: RuleModels[ModelName]) => void)(context, model);
  } catch (error) {
    push(internalError(rule, error, { file: fallbackFile, span: { start: 0, end: 0 } }));
    return;
  }
  produced.forEach(push);
}

function toFinding(rule: Rule, report: Report, configuredSeverity: Severity): Finding {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${rule.meta.id} reported unknown messageId '${report.messageId}'`);
  // A per-report severity is a rule's own nuance of its default; a user's override wins over both.
  const severity = configuredSeverity !== rule.meta.severity ? configuredSeverity : report.severity ?? configuredSeverity;
  let fixes: Fix[] | undefined;
  // Fixes are built on first read (a code action, `--fix`, the JSON output's `fixable`), not while
  // linting: a keystroke pays only for the findings. A builder that throws surfaces to that reader.
  const buildFixes = (): Fix[] => {
    const proposals = typeof report.fixes === 'function' ? report.fixes() : report.fixes ?? [];
    return proposals.map((fix) => checkedFix(rule, fix));
  };
  return {
    ruleId: rule.meta.id,
    ruleName: rule.meta.name,
    severity,
    message: interpolate(template, report.data ?? {}),
    file: report.at.file,
    span: report.at.span,
    related: report.related ?? [],
    get fixes() {
      return (fixes ??= buildFixes());
    },
    tags: report.tags ?? [],
    docsUrl: docsUrl(rule.meta.id),
  };
}

/** Rejects what the metadata does not declare and edits that overlap (ESLint enforces the same). */
function checkedFix(rule: Rule, fix: Fix): Fix {
  if (!rule.meta.fix) throw new Error(`${rule.meta.id} proposed a fix but declares none`);
  if (fix.safety === 'safe' && rule.meta.fix !== 'safe') throw new Error(`${rule.meta.id} proposed a safe fix but declares ${rule.meta.fix}`);
  const edits = sortEdits(fix.edits);
  return { ...fix, edits };
}

export function sortEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].offset < sorted[i - 1].offset + sorted[i - 1].length) throw new Error('a fix has overlapping edits');
  }
  return sorted;
}

function internalError(rule: Rule, error: unknown, at: Location): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR_ID,
    ruleName: 'internal-error',
    severity: 'error',
    message: `rule ${rule.meta.id} (${rule.meta.name}) failed and was skipped: ${reason}`,
    file: at.file,
    span: at.span,
    related: [],
    fixes: [],
    tags: [],
    docsUrl: docsUrl(INTERNAL_ERROR_ID),
  };
}

export function interpolate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w[\w-]*)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
