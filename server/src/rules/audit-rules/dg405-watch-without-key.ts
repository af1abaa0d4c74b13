import { defineRule } from '../../engine/rule';
import { loads } from '../../formats/audit/rule';
import type { AuditRule } from '../../formats/audit/rule';

/** A watch, or an `always` rule on the exit list, that records events without a key to find them by. */
function recordsEvents(rule: AuditRule): boolean {
  if (rule.type === 'watch') return true;
  return rule.type === 'syscall' && rule.operation?.info.name !== 'd' && rule.action === 'always' && rule.list === 'exit';
}

/** Events of a rule without `-k` can only be found by their syscall or path, not by purpose (`ausearch -k`). */
export default defineRule({
  meta: {
    id: 'DG405',
    name: 'watch-without-key',
    description: 'A watch or rule without a key (-k): its events are hard to search.',
    severity: 'info',
    kinds: ['audit'],
    reads: 'audit-rules',
    messages: {
      watch: 'This watch has no key: give it -k KEY so its events can be found with `ausearch -k KEY`.',
      rule: 'This rule has no key: give it -k KEY so its events can be found with `ausearch -k KEY`.',
    },
  },
  check(context, set) {
    for (const file of set.files) {
      for (const rule of file.rules) {
        if (recordsEvents(rule) && rule.keys.length === 0 && loads(rule)) context.report({ messageId: rule.type === 'watch' ? 'watch' : 'rule', at: { file: file.path, span: rule.span } });
      }
    }
  },
});
