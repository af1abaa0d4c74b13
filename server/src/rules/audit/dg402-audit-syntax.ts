import { defineRule } from '../../engine/rule';
import { auditProblems } from '../../formats/audit/parse';

/**
 * What auditctl refuses on a line of a rules file, at the offending text: an unknown option, a
 * missing value, a bad permission letter, a relative watch path, a bad list or action, an unknown
 * field (with a close match) or operator, a syscall unknown for the arch, a key too long. auditctl
 * stops loading at such a line unless -c or -i is in effect. Paths it only warns about (wildcards,
 * `..`: taken literally) are warnings.
 */
export default defineRule({
  meta: {
    id: 'DG402',
    name: 'audit-syntax',
    description: 'A line of an audit rules file that auditctl refuses.',
    severity: 'error',
    kinds: ['audit'],
    reads: 'audit',
    messages: { problem: '{{message}}' },
  },
  check(context, file) {
    for (const problem of auditProblems(file)) {
      context.report({ messageId: 'problem', data: { message: problem.message }, at: { file: file.path, span: problem.span }, severity: problem.warning ? 'warning' : undefined });
    }
  },
});
