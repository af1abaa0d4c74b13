import { defineRule } from '../../engine/rule';
import { removalFix } from '../../model/fixes';
import { originLocation } from '../../model/origin';

/** Experimental features are unsupported and unreviewed as stable ones are. */
export default defineRule({
  meta: {
    id: 'DG105',
    name: 'experimental-enabled',
    description: 'Experimental daemon features are turned on.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '2.18', 'v1.5.0': '2.18' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      enabled: '"experimental" is true: experimental features are unsupported, can change or disappear in any release and have not had the review stable ones get; remove it on production hosts (CIS 2.18).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const experimental = host.config.get('experimental');
    if (experimental?.value !== true) return;
    context.report({
      messageId: 'enabled',
      at: originLocation(experimental.origin),
      fixes: () => removalFix(host, experimental, 'Remove "experimental" (experimental features in use stop working)'),
    });
  },
});
