import { defineRule } from '../../engine/rule';
import { checkLimit } from './limits';

/** Without a PID limit a fork bomb in one container exhausts the host's process table. */
export default defineRule({
  meta: {
    id: 'DG316',
    name: 'pids-limit-missing',
    description: 'A service has no process limit (`pids_limit` or `deploy.resources.limits.pids`).',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.29', 'v1.5.0': '5.28' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { missing: 'Service "{{service}}" has no process limit: a fork bomb in it can fill the host\'s process table (CIS 5.29).' },
    fix: 'display-only',
  },
  check(context, model) {
    checkLimit(context, model, { keys: ['pids_limit'], deployKey: 'pids', example: '200' });
  },
});
