import { defineRule } from '../../engine/rule';
import { augenrulesOutput } from '../../model/audit-rules';

/**
 * /etc/audit/audit.rules beside a rules.d is what augenrules last wrote; the kernel loads it at
 * boot. When it differs from what augenrules would build now, the rules.d edits are not in effect.
 */
export default defineRule({
  meta: {
    id: 'DG407',
    name: 'compiled-rules-stale',
    description: 'audit.rules differs from what augenrules would build from rules.d.',
    severity: 'info',
    kinds: ['audit'],
    reads: 'audit-rules',
    messages: { stale: 'This file differs from what augenrules builds from {{folder}} (from line {{line}} on): the rules.d changes are not loaded. Run `augenrules --load`.' },
  },
  check(context, set) {
    const compiled = set.compiled;
    if (!compiled) return;
    const expected = augenrulesOutput(set).split('\n');
    const actual = compiled.text.split('\n');
    const index = expected.findIndex((line, i) => actual[i] !== line);
    if (index < 0 && actual.length === expected.length) return;
    const line = index < 0 ? expected.length + 1 : index + 1;
    context.report({ messageId: 'stale', data: { folder: set.source.slice(set.source.lastIndexOf('/') + 1) || 'rules.d', line }, at: { file: compiled.path, span: { start: 0, end: compiled.text.search(/\r?\n|$/) } } });
  },
});
