import { defineRule } from '../../engine/rule';
import { checkHostNamespace } from './host-namespace';

/** `userns_mode: host`: the container opts out of the daemon's user-namespace remapping. */
export default defineRule({
  meta: {
    id: 'DG308',
    name: 'host-userns',
    description: 'A service opts out of user-namespace remapping (`userns_mode: host`).',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '5.31', 'v1.5.0': '5.30' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { host: '"userns_mode: host" opts the container out of the daemon\'s userns-remap: root in the container is root on the host again (CIS 5.31).' },
    fix: 'unsafe',
  },
  check(context, model) {
    checkHostNamespace(context, model, 'userns_mode', 'host', 'host', 'Remove "userns_mode: host" (the container runs in the daemon\'s remapped user namespace)');
  },
});
