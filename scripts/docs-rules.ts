/**
 * Writes the README's table of rules from the registry, between `<!-- rules:start -->` and
 * `<!-- rules:end -->`: `npm run docs:rules`. test/unit/readme.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleMeta } from '../server/src/engine/rule';
import { RULES } from '../server/src/rules';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

function cisCell(meta: RuleMeta): string {
  if (!meta.cis) return '—';
  const v15 = meta.cis['v1.5.0'];
  return v15 && v15 !== meta.cis['v1.6.0'] ? `${meta.cis['v1.6.0']} (v1.5.0: ${v15})` : meta.cis['v1.6.0'];
}

export function rulesTable(rules: readonly { meta: RuleMeta }[] = RULES): string {
  const rows = rules.map(({ meta }) => `| [${meta.id}](docs/rules/${meta.id}.md) | ${meta.name} | ${meta.severity} | ${meta.level ?? '—'} | ${cisCell(meta)} | ${meta.fix ?? '—'} |`);
  return ['| ID | name | severity | level | CIS | fix |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The README with its rules table regenerated; throws when the markers are missing. */
export function withRulesTable(readme: string, table = rulesTable()): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} and ${END} around the rules table`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

if (require.main === module) {
  const path = join(__dirname, '..', 'README.md');
  const before = readFileSync(path, 'utf8');
  const after = withRulesTable(before);
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? 'README.md rules table is up to date' : `README.md rules table rewritten (${RULES.length} rules)`);
}
