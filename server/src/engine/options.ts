/**
 * Lint options shared by the CLI, the language server and the project config file: the profile,
 * the dockerd release judged, and per-rule overrides.
 */
import type { RuleMeta } from './rule';
import type { RuleOverride } from './suppressions';
import type { Severity } from './types';

export type Profile = 'recommended' | 'strict' | 'all';
export const PROFILES: readonly Profile[] = ['recommended', 'strict', 'all'];

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  profile: Profile;
  /** dockerd release judged, `major.minor`; decides removed versus deprecated options. */
  dockerVersion: string;
  /** Per-rule overrides by id: a severity turns a rule on at that severity; 'off' turns it off. */
  rules: Record<string, RuleSetting>;
  /** The config's `overrides`: rules suppressed in some files, with the reason (absent: none). */
  overrides?: readonly RuleOverride[];
  /**
   * The config's sections for one kind's rules, by kind (`audit: { ignorePaths }`): the engine
   * carries them to the rules without knowing what they hold.
   */
  settings?: Readonly<Record<string, unknown>>;
}

export interface IgnoredPath {
  /** An absolute path on the host; a folder covers what lies below it. */
  path: string;
  reason: string;
}

/** The current engine: what a fresh install of Docker CE runs (reference, Aug 2026). */
export const CURRENT_DOCKER_VERSION = '29.7';

export const DEFAULT_OPTIONS: LintOptions = { profile: 'recommended', dockerVersion: CURRENT_DOCKER_VERSION, rules: {} };

export function withDefaults(partial: Partial<LintOptions> = {}): LintOptions {
  return { ...DEFAULT_OPTIONS, ...partial, rules: { ...partial.rules } };
}

/** recommended runs L1 rules and rules without a level; strict adds L2; all runs every rule. */
export function inProfile(meta: Pick<RuleMeta, 'level'>, profile: Profile): boolean {
  if (profile === 'recommended') return meta.level !== 'L2';
  return true;
}

export function ruleEnabled(meta: Pick<RuleMeta, 'id' | 'level'>, options: LintOptions): boolean {
  const override = options.rules[meta.id];
  if (override === 'off') return false;
  if (override !== undefined) return true;
  return inProfile(meta, options.profile);
}

export function severityFor(meta: Pick<RuleMeta, 'id' | 'severity'>, options: LintOptions): Severity | undefined {
  const override = options.rules[meta.id];
  if (override === 'off') return undefined;
  return override ?? meta.severity;
}

/** `--fail-on` thresholds: a finding at or above the level fails the run; `never` never does. */
export const SEVERITY_ORDER_OR_NEVER: Record<Severity | 'never', number> = { info: 1, warning: 2, error: 3, never: Infinity };
