import { defineRule } from '../../engine/rule';
import { moveLineToEnd } from '../../formats/audit/edits';

/**
 * In a file loaded as it stands (`auditctl -R`), `-e 2` locks the audit configuration until reboot:
 * the kernel refuses every rule and setting after it. In a rules.d fragment augenrules moves the
 * `-e` line last, so the rule set model only marks a standalone file's lock (`immutableAt`).
 */
export default defineRule({
  meta: {
    id: 'DG403',
    name: 'rule-after-immutable',
    description: 'A rule after -e 2 in a file loaded as it stands: the kernel refuses it.',
    severity: 'error',
    kinds: ['audit'],
    reads: 'audit-rules',
    messages: { locked: 'The kernel refuses this line: `-e 2` on line {{line}} has locked the audit configuration until reboot. Move it above the `-e 2` (or `-e 2` to the end of the file).' },
    fix: 'unsafe',
  },
  check(context, set) {
    const lock = set.immutableAt;
    if (!lock) return;
    const { file } = lock;
    const line = file.text.slice(0, lock.rule.span.start).split('\n').length;
    const after = file.rules.slice(file.rules.indexOf(lock.rule) + 1);
    for (const rule of after) {
      context.report({
        messageId: 'locked',
        data: { line },
        at: { file: file.path, span: rule.span },
        related: [{ location: { file: file.path, span: lock.rule.span }, message: 'the configuration is locked here' }],
        fixes: () => [{ title: 'Move -e 2 to the end of the file (every rule then loads first; if one fails, auditctl stops before -e 2 and the configuration stays unlocked)', safety: 'unsafe', edits: moveLineToEnd(file.text, lock.rule.span) }],
      });
    }
  },
});
