import { defineRule } from '../../engine/rule';
import { lifecycleFindings } from './lifecycle-matches';

/** An option dockerd still accepts but has deprecated: it goes away in a later release. */
export default defineRule({
  meta: {
    id: 'DG006',
    name: 'deprecated-option',
    description: 'A deprecated option dockerd still accepts.',
    severity: 'warning',
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      deprecated: '{{what}} is deprecated since {{product}} {{deprecatedIn}} ({{note}}); {{advice}}.',
      deprecatedUntil: '{{what}} is deprecated since {{product}} {{deprecatedIn}} and removed in {{removedIn}} ({{note}}); {{advice}}.',
    },
    fix: 'safe',
  },
  check(context, host) {
    for (const found of lifecycleFindings(host, context.options.dockerVersion)) {
      if (found.status !== 'deprecated') continue;
      const { deprecatedIn, removedIn, note } = found.entry;
      context.report({
        messageId: removedIn ? 'deprecatedUntil' : 'deprecated',
        data: { what: found.what, product: found.product, deprecatedIn, removedIn: removedIn ?? '', note, advice: found.advice },
        at: found.at,
        fixes: found.fixes,
        tags: ['deprecated'],
      });
    }
  },
});
