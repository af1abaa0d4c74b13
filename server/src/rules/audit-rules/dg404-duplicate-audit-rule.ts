import { defineRule } from '../../engine/rule';
import { removeLine } from '../../formats/audit/edits';
import { loads, type AuditRule } from '../../formats/audit/rule';
import { syscallNumbers } from '../../formats/audit/syscalls';
import type { LoadedRule } from '../../model/audit-rules';

/** The permission letters as a set: `wa`, `AW` and `waw` are one. */
function perms(letters: string | undefined): string {
  const lower = (letters ?? 'rwxa').toLowerCase();
  return 'rwxa'.split('').filter((l) => lower.includes(l)).join('');
}

function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}

/**
 * What the kernel compares to answer "Rule exists" (audit_compare_rule): the list and action, each
 * field in order, the syscall set, the key. Syscall names count by number when the arch names one
 * table; `-a` and `-A` add the same rule. Deletions (`-d`, `-W`) and control lines have none.
 */
export function ruleIdentity(rule: AuditRule): string | undefined {
  // A rule object outlives a keystroke on another line (the parser reuses it): so does its identity.
  if (identities.has(rule)) return identities.get(rule);
  const identity = computeIdentity(rule);
  identities.set(rule, identity);
  return identity;
}

const identities = new WeakMap<AuditRule, string | undefined>();

function computeIdentity(rule: AuditRule): string | undefined {
  const key = rule.keys.map((k) => k.text).join('\u0001');
  if (rule.type === 'watch') return `w\u0000${trimSlashes(rule.path!.text)}\u0000${perms(rule.perms?.text)}\u0000${key}`;
  if (rule.type !== 'syscall' || rule.operation?.info.name === 'd') return undefined;
  const syscalls = new Set(rule.syscalls.map(({ word, scope }) => {
    const numbers = scope.machines.length === 1 ? syscallNumbers(word.text, scope) : [];
    return numbers.length === 1 ? String(numbers[0].number) : word.text.toLowerCase();
  }));
  const all = syscalls.size === 0 || syscalls.has('all');
  const fields = rule.fields.map((f) => `${f.info.name === 'loginuid' ? 'auid' : f.info.name}${f.operator.text}${f.value.text}`);
  const comparisons = rule.comparisons.map((c) => `${c.name.text.toLowerCase()}${c.operator.text}${c.value.text.toLowerCase()}`);
  return ['a', rule.list, rule.action, fields.join(' '), comparisons.join(' '), all ? 'all' : [...syscalls].sort().join(','), rule.perms ? perms(rule.perms.text) : '', key].join('\u0000');
}

const lineOf = (loaded: LoadedRule) => loaded.file.text.slice(0, loaded.rule.span.start).split('\n').length;

/** The same rule loaded twice (across the fragments of a rules.d too): auditctl stops with "Rule exists". */
export default defineRule({
  meta: {
    id: 'DG404',
    name: 'duplicate-audit-rule',
    description: 'The same audit rule twice: auditctl fails with "Rule exists".',
    severity: 'error',
    kinds: ['audit'],
    reads: 'audit-rules',
    messages: {
      sameFile: 'The same rule as line {{line}}: auditctl fails with "Rule exists" and stops loading here (unless -c or -i is in effect).',
      otherFile: 'The same rule as line {{line}} of {{file}}: auditctl fails with "Rule exists" and stops loading here (unless -c or -i is in effect).',
    },
    fix: 'safe',
  },
  check(context, set) {
    const first = new Map<string, LoadedRule>();
    for (const loaded of set.rules) {
      const identity = loads(loaded.rule) ? ruleIdentity(loaded.rule) : undefined;
      if (identity === undefined) continue;
      const earlier = first.get(identity);
      if (!earlier) {
        first.set(identity, loaded);
        continue;
      }
      const { file, rule } = loaded;
      const sameFile = earlier.file === file;
      context.report({
        messageId: sameFile ? 'sameFile' : 'otherFile',
        data: { line: lineOf(earlier), file: earlier.file.path.slice(earlier.file.path.lastIndexOf('/') + 1) },
        at: { file: file.path, span: rule.span },
        related: [{ location: { file: earlier.file.path, span: earlier.rule.span }, message: 'first given here' }],
        fixes: () => [{ title: 'Remove this duplicate rule', safety: 'safe', edits: [removeLine(file.text, rule.span)] }],
      });
    }
  },
});
