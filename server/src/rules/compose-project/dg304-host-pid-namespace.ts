import { defineRule } from '../../engine/rule';
import { checkHostNamespace } from './host-namespace';

/** `pid: host`: the container sees and can signal every process of the host. */
export default defineRule({
  meta: {
    id: 'DG304',
    name: 'host-pid-namespace',
    description: 'A service shares the host\'s process namespace (`pid: host`).',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '5.16', 'v1.5.0': '5.15' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { host: '"pid: host" shares the host\'s process namespace: the container sees every host process and, as root, can signal or ptrace them (CIS 5.16).' },
    fix: 'unsafe',
  },
  check(context, model) {
    checkHostNamespace(context, model, 'pid', 'host', 'host', 'Remove "pid: host" (the container gets its own process namespace)');
  },
});
