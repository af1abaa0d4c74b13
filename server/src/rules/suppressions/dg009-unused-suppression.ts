import { defineRule } from '../../engine/rule';
import { unusedSuppressionRemoval } from '../../engine/suppressions';

/** A pragma that silences nothing hides nothing today and will hide a real problem tomorrow. */
export default defineRule({
  meta: {
    id: 'DG009',
    name: 'unused-suppression',
    description: 'A dockguard-disable pragma, or an overrides entry of .dockguard.yaml, that suppresses no finding.',
    severity: 'info',
    kinds: ['systemd', 'dockguard-config'],
    reads: 'suppressions',
    messages: {
      unused: 'Unused suppression: {{id}} reports nothing {{where}}.',
      unknownRule: 'Unused suppression: {{id}} is not a dockguard rule.',
      noRule: 'This dockguard-disable pragma names no rule, so it suppresses nothing; name the rules (e.g. DG203).',
      unusedOverride: 'Unused override: {{rules}} reports nothing in {{files}}.',
    },
    fix: 'safe',
  },
  check(context, { file, unused, unusedOverrides = [] }) {
    for (const entry of unusedOverrides) {
      context.report({
        messageId: 'unusedOverride',
        data: { rules: entry.rules.join(', '), files: entry.files.join(', ') },
        at: { file: file.path, span: entry.span },
        tags: ['unnecessary'],
        fixes: [{ title: entry.rule ? `Remove ${entry.rule} from the overrides entry` : 'Remove the overrides entry', safety: 'safe', edits: [entry.removal] }],
      });
    }
    for (const entry of unused) {
      const messageId = entry.rule.id === '' ? 'noRule' : entry.known ? 'unused' : 'unknownRule';
      context.report({
        messageId,
        data: { id: entry.rule.id, where: entry.pragma.scope === 'file' ? 'in this file' : 'on the next line' },
        at: { file: file.path, span: entry.rule.span },
        tags: ['unnecessary'],
        fixes: [{ title: entry.pragma.rules.length > 1 ? `Remove ${entry.rule.id} from the pragma` : 'Remove the pragma', safety: 'safe', edits: [unusedSuppressionRemoval(file.text, entry)] }],
      });
    }
  },
});
