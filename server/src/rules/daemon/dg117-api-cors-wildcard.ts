import { defineRule } from '../../engine/rule';
import { removalFix } from '../../model/fixes';
import { isRemoved } from '../../model/lifecycle';
import { originValueLocation } from '../../model/origin';

/**
 * `api-cors-header: "*"` lets any web page drive the API through a user's browser. The key is
 * removed from dockerd 28.0 on, where DG005 reports it (one finding per cause).
 */
export default defineRule({
  meta: {
    id: 'DG117',
    name: 'api-cors-wildcard',
    description: 'The API answers cross-origin requests from any web page.',
    severity: 'error',
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      wildcard: '"api-cors-header" is "*": any web page a user of this daemon opens can call the Docker API through their browser and start containers as root; remove it, or name the one origin that needs access.',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const cors = host.config.get('api-cors-header');
    if (typeof cors?.value !== 'string' || cors.value.trim() !== '*') return;
    if (isRemoved('api-cors-header', cors.value, context.options.dockerVersion)) return;
    context.report({
      messageId: 'wildcard',
      at: originValueLocation(cors.origin),
      fixes: () => removalFix(host, cors, 'Remove "api-cors-header" (web pages on other origins can no longer call the API)'),
    });
  },
});
