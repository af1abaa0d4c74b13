import { defineRule } from '../../engine/rule';
import { checkLimit } from './limits';

/** Without a CPU limit or share one container can starve the others. */
export default defineRule({
  meta: {
    id: 'DG315',
    name: 'cpu-limit-missing',
    description: 'A service has no CPU limit or share (`cpus`, `cpu_shares`, `cpu_quota` or `deploy.resources.limits.cpus`).',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.12', 'v1.5.0': '5.11' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { missing: 'Service "{{service}}" has no CPU limit or share: it can take every core and starve the other containers (CIS 5.12).' },
    fix: 'display-only',
  },
  check(context, model) {
    checkLimit(context, model, { keys: ['cpus', 'cpu_shares', 'cpu_quota'], deployKey: 'cpus', example: '0.5' });
  },
});
