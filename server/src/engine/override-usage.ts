/**
 * The config's `overrides` judged as pragmas are (DG009): an entry that suppressed no finding in any
 * file the config governs, or one rule of an entry that did while the others did. Those files span
 * machines, so the front end that linted them all (the CLI's run, the server's project) collects
 * what was suppressed and asks here.
 */
import { resolve } from 'node:path';
import { parseDockguardConfig, type DockguardConfigFile, type Spanned } from './config-file';
import { applyEdits } from './edits';
import { lintSuppressions } from './lint';
import { ruleEnabled, type LintOptions } from './options';
import { configProblems } from './project-config';
import type { Registry } from './registry';
import { lineRemoval, sameId, type SuppressedFinding, type UnusedOverride } from './suppressions';
import type { Finding, Fix, Span, TextEdit } from './types';

export function unusedOverrideFindings(config: DockguardConfigFile, suppressed: Iterable<SuppressedFinding>, registry: Registry, options: LintOptions): Finding[] {
  const path = resolve(config.path);
  const usedBy = new Map<number, string[]>();
  for (const s of suppressed) if (s.override?.config === path) usedBy.set(s.override.entry, [...(usedBy.get(s.override.entry) ?? []), s.finding.ruleId]);
  // A rule that did not run (another profile, turned off) may serve another configuration.
  const ran = (id: string) => {
    const rule = registry.rulesById.get(id);
    return rule !== undefined && ruleEnabled(rule.meta, options);
  };
  const unusedOverrides: UnusedOverride[] = [];
  config.overrides.forEach((entry, index) => {
    const used = usedBy.get(index) ?? [];
    const unused = entry.rules.filter((r) => ran(r.value) && !used.some((id) => sameId(id, r.value)));
    if (unused.length === 0) return;
    const files = entry.files;
    if (unused.length === entry.rules.length) {
      // The last entry goes with its `overrides:` key: an empty list is not a valid config.
      const removed = config.overrides.length === 1 && config.overridesSpan ? config.overridesSpan : entry.span;
      unusedOverrides.push({ rules: entry.rules.map((r) => r.value), files, span: withoutTrailingSpace(config.text, entry.span), removal: lineRemoval(config.text, withoutTrailingSpace(config.text, removed)) });
      return;
    }
    // The entry serves its other rules: only the unused ones go, each on its own.
    for (const rule of unused) unusedOverrides.push({ rule: rule.value, rules: [rule.value], files, span: rule.span, removal: ruleRemoval(config.text, entry.rules, rule) });
  });
  if (unusedOverrides.length === 0) return [];
  return lintSuppressions([{ file: config, unused: [], unusedOverrides }], registry, options);
}

/** A YAML node's range ends where the next node begins (after the line break): the entry's own lines end at its last character. */
function withoutTrailingSpace(text: string, span: Span): Span {
  return { start: span.start, end: span.start + text.slice(span.start, span.end).trimEnd().length };
}

/** Removes one id from a `rules` list: its line in a block list, the id and a comma in a flow list (`[DG103, DG105]`). */
function ruleRemoval(text: string, rules: readonly Spanned<string>[], rule: Spanned<string>): TextEdit {
  const before = text.slice(0, rule.span.start).replace(/[ \t]+$/, '');
  if (before.endsWith('-')) return lineRemoval(text, rule.span);
  const index = rules.indexOf(rule);
  // The separator after the id, or for the last one the separator before it.
  const [start, end] = index < rules.length - 1 ? [rule.span.start, rules[index + 1].span.start] : [rules[index - 1].span.end, rule.span.end];
  return { offset: start, length: end - start, content: '' };
}

/**
 * Why the fix of an unused override may not stand: the config it leaves must still load (no DG010).
 * The engine's fix checks lint a machine; the config's DG009 judges files of many, so it is checked here.
 */
export function overrideFixProblem(config: DockguardConfigFile, fix: Fix, knownRuleIds: ReadonlySet<string>): string | undefined {
  const fixed = applyEdits(config.text, fix.edits);
  if (fixed === config.text) return 'it changes nothing';
  const [problem] = configProblems(parseDockguardConfig(config.path, fixed), knownRuleIds);
  return problem ? `it would leave the config invalid: ${problem.message}` : undefined;
}
