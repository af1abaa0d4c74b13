import { defineRule } from '../../engine/rule';
import { checkHostNamespace } from './host-namespace';

/** `uts: host`: the container can change the host's hostname. */
export default defineRule({
  meta: {
    id: 'DG307',
    name: 'host-uts-namespace',
    description: 'A service shares the host\'s UTS namespace (`uts: host`).',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '5.21', 'v1.5.0': '5.20' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { host: '"uts: host" shares the host\'s UTS namespace: a container with SYS_ADMIN can change the host\'s hostname (CIS 5.21).' },
    fix: 'unsafe',
  },
  check(context, model) {
    checkHostNamespace(context, model, 'uts', 'host', 'host', 'Remove "uts: host" (the container gets its own hostname)');
  },
});
