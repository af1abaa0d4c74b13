/**
 * What a rule module is: metadata plus a check that reads one model and reports. Rules know
 * nothing of LSP or of the CLI (ESLint's rule modules, ruff's fix applicability, hadolint's files).
 */
import type { ParsedFileBase } from './kind';
import type { SuppressionsModel } from './suppressions';
import type { FindingTag, FixProposal, FixSafety, Location, RelatedInformation, Severity } from './types';

/**
 * The models a rule can read, by name; the engine calls `check` once per instance. Each kind's
 * files are a model named after the kind; the model table's providers add the cross-file ones,
 * each declaring its type here from its own module:
 *   declare module '../engine/rule' { interface RuleModels { 'daemon': DaemonHost } }
 */
export interface RuleModels {
  /** Any parsed file (parse-level rules that apply to every kind). */
  'file': ParsedFileBase;
  /** One file's comment pragmas that suppressed nothing (judged after every other rule). */
  'suppressions': SuppressionsModel;
}
export type ModelName = keyof RuleModels;

export type CisLevel = 'L1' | 'L2';

export interface RuleMeta<R extends ModelName = ModelName> {
  /** `DGnnn`, stable public interface. */
  id: string;
  /** kebab-case name from RULES.md. */
  name: string;
  /** One line: what the rule reports. */
  description: string;
  severity: Severity;
  /** CIS profile level; rules without one run in every profile. */
  level?: CisLevel;
  /** CIS Docker Benchmark item per edition, e.g. { 'v1.6.0': '2.2', 'v1.5.0': '2.2' }. */
  cis?: { 'v1.6.0': string; 'v1.5.0'?: string };
  /** The file kinds whose findings this rule produces. */
  kinds: string[];
  /** The model the check reads, or several (a rule judging several kinds, like DG002 on daemon.json and Compose files). */
  reads: R | readonly R[];
  /** messageId → template with `{{placeholder}}`s. */
  messages: Record<string, string>;
  /** The best safety the rule's fixes have; absent = the rule offers no fix. */
  fix?: FixSafety;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  at: Location;
  /** Overrides the default severity for this finding (e.g. DG101's warning case). */
  severity?: Severity;
  related?: RelatedInformation[];
  /**
   * The fixes, or a function that builds them: preferred, since building edits can cost a re-scan
   * of the file and most findings are never fixed. The engine calls it once, on first use.
   */
  fixes?: FixProposal[] | (() => FixProposal[]);
  tags?: FindingTag[];
}

export interface RuleOptions {
  /** The dockerd release judged, `major.minor` (e.g. `29.7`). */
  dockerVersion: string;
  /** Every rule id a config or pragma may name (the registry's, and DG000). */
  ruleIds: ReadonlySet<string>;
  /** The config's sections for one kind's rules, by kind name (`LintOptions.settings`). */
  settings: Readonly<Record<string, unknown>>;
}

export interface RuleContext {
  readonly options: RuleOptions;
  report(report: Report): void;
}

export interface Rule<R extends ModelName = ModelName> {
  meta: RuleMeta<R>;
  check(context: RuleContext, model: RuleModels[R]): void;
}

/** The models a rule reads, as a list. */
export function modelsRead(meta: RuleMeta): ModelName[] {
  return typeof meta.reads === 'string' ? [meta.reads] : [...meta.reads];
}

/** Declares a rule with its model type inferred from `meta.reads`. */
export function defineRule<R extends ModelName>(rule: Rule<R>): Rule<R> {
  return rule;
}

export const DOCS_BASE_URL = 'https://github.com/dockguard/dockguard/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
