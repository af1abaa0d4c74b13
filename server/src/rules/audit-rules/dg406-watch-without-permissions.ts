import { defineRule } from '../../engine/rule';
import { loads } from '../../formats/audit/rule';
import { insertAfter } from '../../formats/audit/edits';

/**
 * `-w PATH` without `-p` watches every access, reads included: on a busy path (/var/lib/docker,
 * /etc) the log fills with reads. CIS's watches name `-p wa` (writes and attribute changes).
 */
export default defineRule({
  meta: {
    id: 'DG406',
    name: 'watch-without-permissions',
    description: 'A watch (-w) without -p: it records reads too, which is noisy.',
    severity: 'info',
    kinds: ['audit'],
    reads: 'audit-rules',
    messages: { missing: 'This watch has no -p, so it records every access to {{path}}, reads included: add -p wa to record writes and attribute changes.' },
    fix: 'unsafe',
  },
  check(context, set) {
    for (const file of set.files) {
      for (const rule of file.rules) {
        if (rule.type !== 'watch' || rule.perms || !rule.path || !loads(rule)) continue;
        const path = rule.path;
        const watch = rule.options.find((o) => o.value === path)!;
        context.report({
          messageId: 'missing',
          data: { path: path.text },
          at: { file: file.path, span: { start: watch.flag.start, end: path.end } },
          fixes: () => [{ title: `Add -p wa (reads and executions of ${path.text} are no longer recorded)`, safety: 'unsafe', edits: [insertAfter(path, ' -p wa')] }],
        });
      }
    }
  },
});
