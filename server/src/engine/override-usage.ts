/**
 * The config's `overrides` judged as pragmas are (DG009): an entry that suppressed no finding in any
 * file the config governs. Those files span machines, so the front end that linted them all (the
 * CLI's run, the server's project) collects what was suppressed and asks here.
 */
import { resolve } from 'node:path';
import type { DockguardConfigFile } from './config-file';
import { lintSuppressions } from './lint';
import { ruleEnabled, type LintOptions } from './options';
import type { Registry } from './registry';
import { lineRemoval, type SuppressedFinding, type UnusedOverride } from './suppressions';
import type { Finding } from './types';

export function unusedOverrideFindings(config: DockguardConfigFile, suppressed: Iterable<SuppressedFinding>, registry: Registry, options: LintOptions): Finding[] {
  const path = resolve(config.path);
  const used = new Set<number>();
  for (const s of suppressed) if (s.override?.config === path) used.add(s.override.entry);
  // An entry for rules that did not run (another profile, turned off) may serve another configuration.
  const ran = (id: string) => {
    const rule = registry.rulesById.get(id);
    return rule !== undefined && ruleEnabled(rule.meta, options);
  };
  const unusedOverrides: UnusedOverride[] = [];
  config.overrides.forEach((entry, index) => {
    if (used.has(index) || !entry.rules.some((r) => ran(r.value))) return;
    // The last entry goes with its `overrides:` key: an empty list is not a valid config.
    const removed = config.overrides.length === 1 && config.overridesSpan ? config.overridesSpan : entry.span;
    unusedOverrides.push({ rules: entry.rules.map((r) => r.value), files: entry.files, span: entry.span, removal: lineRemoval(config.text, removed) });
  });
  if (unusedOverrides.length === 0) return [];
  return lintSuppressions([{ file: config, unused: [], unusedOverrides }], registry, options);
}
