import { defineRule } from '../../engine/rule';
import { checkLimit } from './limits';

/** Without a memory limit one container can take the host's memory and get others killed. */
export default defineRule({
  meta: {
    id: 'DG314',
    name: 'memory-limit-missing',
    description: 'A service has no memory limit (`mem_limit` or `deploy.resources.limits.memory`).',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '5.11', 'v1.5.0': '5.10' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { missing: 'Service "{{service}}" has no memory limit: a leak or an attack can use all of the host\'s memory and get other containers killed (CIS 5.11).' },
    fix: 'display-only',
  },
  check(context, model) {
    checkLimit(context, model, { keys: ['mem_limit'], deployKey: 'memory', example: '512m' });
  },
});
