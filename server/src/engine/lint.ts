/**
 * Runs the rule pack over one machine. Each rule is isolated: one that throws is reported once as
 * DG000 and the others still run. Findings keep offsets; the front ends convert them.
 */
import { docsUrl, modelsRead, type ModelName, type Report, type Rule, type RuleContext, type RuleModels, type RuleOptions } from './rule';
import { ruleEnabled, type LintOptions } from './options';
import { INTERNAL_ERROR_ID, type Finding, type FindingTag, type Fix, type Location, type RelatedInformation, type Severity, type Span, type TextEdit } from './types';
import type { Machine } from './machine';
import { knownRuleIds, type Registry } from './registry';
import { suppressFindings, type SuppressedFinding, type SuppressionsModel } from './suppressions';

/**
 * Lint one machine; findings grouped by file path, sorted. What pragmas and the config's overrides
 * suppressed goes to `suppressed` when given.
 */
export function lintMachine(machine: Machine, registry: Registry, options: LintOptions, suppressed?: Map<string, SuppressedFinding[]>): Map<string, Finding[]> {
  const findings = new Map<string, Finding[]>();
  for (const file of machine.files) findings.set(file.path, []);
  const push = (finding: Finding) => findings.get(finding.file)?.push(finding);
  const ruleOptions = ruleOptionsOf(options, registry);
  const run = (rule: Rule, instances: { model: unknown; file: string }[]) => runEnabled(rule, instances, options, ruleOptions, push);
  const instancesOf = (reads: ModelName): { model: unknown; file: string }[] => (reads === 'file' ? machine.files.map((file) => ({ model: file, file: file.path })) : machine.model(reads));
  for (const rule of registry.rules) if (rule.meta.reads !== 'suppressions') run(rule, modelsRead(rule.meta).flatMap(instancesOf));
  // Pragmas drop the findings they cover; then DG009 judges the pragma ids that covered nothing.
  const unused = suppressFindings(judgedFiles(machine, registry), findings, options, registry, suppressed);
  const suppressionInstances = unused.map((model: SuppressionsModel) => ({ model, file: model.file.path }));
  for (const rule of registry.rules) if (rule.meta.reads === 'suppressions') run(rule, suppressionInstances);
  for (const list of findings.values()) list.sort(compareFindings);
  return findings;
}

/**
 * The findings of the rules reading the suppressions model over `models` (the config's unused
 * `overrides`, judged across machines by the front end that sees them all).
 */
export function lintSuppressions(models: readonly SuppressionsModel[], registry: Registry, options: LintOptions): Finding[] {
  const found: Finding[] = [];
  const ruleOptions = ruleOptionsOf(options, registry);
  const instances = models.map((model) => ({ model, file: model.file.path }));
  for (const rule of registry.rules) if (rule.meta.reads === 'suppressions') runEnabled(rule, instances, options, ruleOptions, (f) => found.push(f));
  return found.sort(compareFindings);
}

/** What a rule sees of the options. */
function ruleOptionsOf(options: LintOptions, registry: Registry): RuleOptions {
  return { dockerVersion: options.dockerVersion, ruleIds: knownRuleIds(registry), settings: options.settings ?? {} };
}

function runEnabled(rule: Rule, instances: { model: unknown; file: string }[], options: LintOptions, ruleOptions: RuleOptions, push: (f: Finding) => void): void {
  if (!ruleEnabled(rule.meta, options)) return;
  const override = options.rules[rule.meta.id];
  const configured = override === 'off' ? undefined : override;
  for (const instance of instances) runRule(rule, instance.model, instance.file, configured, ruleOptions, push);
}

/** The files rules judge: each kind's own model (a kind's provider may leave files out, as nginx.service). */
function judgedFiles(machine: Machine, registry: Registry) {
  return registry.kinds.flatMap((kind) => machine.model(kind.name as ModelName).map((instance) => instance.model as Machine['files'][number]));
}

function runRule(rule: Rule, model: unknown, fallbackFile: string, configured: Severity | undefined, options: RuleOptions, push: (f: Finding) => void): void {
  const produced: Finding[] = [];
  const context: RuleContext = {
    options,
    report: (report) => produced.push(new RuleFinding(rule, report, configured)),
  };
  try {
    (rule.check as (c: RuleContext, m: RuleModels[ModelName]) => void)(context, model as RuleModels[ModelName]);
  } catch (error) {
    push(internalError(`rule ${rule.meta.id} (${rule.meta.name}) failed and was skipped`, error, { file: fallbackFile, span: { start: 0, end: 0 } }));
    return;
  }
  produced.forEach(push);
}

/**
 * A finding as a rule reports it. Fixes are built on first read (a code action, `--fix`), not while
 * linting: a keystroke pays only for the findings. A builder that throws leaves the finding without
 * fixes and `fixError` says why; the front ends report it as DG000.
 */
class RuleFinding implements Finding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly span: Span;
  readonly related: RelatedInformation[];
  readonly tags: FindingTag[];
  fixError?: string;
  stack?: string;
  private builtFixes?: Fix[];

  constructor(private readonly rule: Rule, private readonly report: Report, configured: Severity | undefined) {
    const template = rule.meta.messages[report.messageId];
    if (template === undefined) throw new Error(`${rule.meta.id} reported unknown messageId '${report.messageId}'`);
    this.ruleId = rule.meta.id;
    this.ruleName = rule.meta.name;
    // A per-report severity is a rule's own nuance of its default; a user's override wins over both.
    this.severity = configured ?? report.severity ?? rule.meta.severity;
    this.message = interpolate(template, report.data ?? {});
    this.file = report.at.file;
    this.span = report.at.span;
    this.related = report.related ?? [];
    this.tags = report.tags ?? [];
  }

  get docsUrl(): string {
    return docsUrl(this.ruleId);
  }

  get fixes(): Fix[] {
    if (!this.builtFixes) {
      try {
        const proposals = typeof this.report.fixes === 'function' ? this.report.fixes() : this.report.fixes ?? [];
        this.builtFixes = proposals.map((fix) => checkedFix(this.rule, fix, this.file));
      } catch (error) {
        this.fixError = error instanceof Error ? error.message : String(error);
        this.stack = error instanceof Error ? error.stack : undefined;
        this.builtFixes = [];
      }
    }
    return this.builtFixes;
  }
}

/** Rejects what the metadata does not declare and edits that overlap (ESLint enforces the same). */
function checkedFix(rule: Rule, fix: Fix, file: string): Fix {
  if (!rule.meta.fix) throw new Error(`${rule.meta.id} proposed a fix but declares none`);
  if (fix.safety === 'safe' && rule.meta.fix !== 'safe') throw new Error(`${rule.meta.id} proposed a safe fix but declares ${rule.meta.fix}`);
  // A builder that names the file it edits (a Compose fix may land in the base or an override) may name the finding's own.
  const own = fix.otherFiles?.filter((change) => change.file === file && !change.create) ?? [];
  if (own.length === 0) return { ...fix, edits: sortEdits(fix.edits) };
  const otherFiles = fix.otherFiles!.filter((change) => !own.includes(change));
  return { ...fix, edits: sortEdits([...fix.edits, ...own.flatMap((change) => change.edits)]), otherFiles: otherFiles.length > 0 ? otherFiles : undefined };
}

export function sortEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].offset < sorted[i - 1].offset + sorted[i - 1].length) throw new Error('a fix has overlapping edits');
  }
  return sorted;
}

/** DG000: a rule or a fix builder failed; it is skipped and says why, and everything else still runs. */
export function internalError(what: string, error: unknown, at: Location): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR_ID,
    ruleName: 'internal-error',
    severity: 'error',
    message: `${what}: ${reason}`,
    file: at.file,
    span: at.span,
    related: [],
    fixes: [],
    tags: [],
    docsUrl: docsUrl(INTERNAL_ERROR_ID),
    stack: error instanceof Error ? error.stack : undefined,
  };
}

/** The DG000 finding for a finding whose fix builder threw, once its fixes were read. */
export function fixBuilderError(finding: Finding): Finding | undefined {
  if (finding.fixError === undefined) return undefined;
  return { ...internalError(`the fix of ${finding.ruleId} (${finding.ruleName}) failed and was not offered`, finding.fixError, { file: finding.file, span: finding.span }), stack: finding.stack };
}

export function interpolate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w[\w-]*)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
