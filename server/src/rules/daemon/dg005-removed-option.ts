import { defineRule } from '../../engine/rule';
import { lifecycleFindings } from './lifecycle-matches';

/** An option the judged dockerd release no longer has: it refuses to start (reference §1.7). */
export default defineRule({
  meta: {
    id: 'DG005',
    name: 'removed-option',
    description: 'An option removed from dockerd: it refuses to start.',
    severity: 'error',
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: { removed: '{{what}} was removed in {{product}} {{removedIn}} ({{note}}); {{advice}}.' },
    fix: 'safe',
  },
  check(context, host) {
    for (const found of lifecycleFindings(host, context.options.dockerVersion)) {
      if (found.status !== 'removed') continue;
      context.report({
        messageId: 'removed',
        data: { what: found.what, product: found.product, removedIn: found.entry.removedIn!, note: found.entry.note, advice: found.advice },
        at: found.at,
        fixes: found.fixes,
      });
    }
  },
});

