import { defineRule } from '../../engine/rule';
import { obsoleteComposeVersion } from '../compose/obsolete-version';
import { lifecycleFindings } from './lifecycle-matches';

/** An option dockerd still accepts but has deprecated: it goes away in a later release. */
export default defineRule({
  meta: {
    id: 'DG006',
    name: 'deprecated-option',
    description: 'A deprecated option dockerd still accepts, or the obsolete top-level `version` of a Compose file.',
    severity: 'warning',
    kinds: ['daemon-json', 'systemd', 'compose'],
    reads: ['daemon', 'compose'],
    messages: {
      deprecated: '{{what}} is deprecated since {{product}} {{deprecatedIn}} ({{note}}); {{advice}}.',
      deprecatedUntil: '{{what}} is deprecated since {{product}} {{deprecatedIn}} and removed in {{removedIn}} ({{note}}); {{advice}}.',
      composeVersion: 'The top-level "version" is obsolete: Compose ignores it and warns on every run; remove it.',
    },
    fix: 'safe',
  },
  check(context, model) {
    // A Compose file (the compose model) has a kind; a host does not.
    if ('kind' in model) return obsoleteComposeVersion(context, model);
    for (const found of lifecycleFindings(model, context.options.dockerVersion)) {
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
