import { defineRule } from '../../engine/rule';
import { checkHostNamespace } from './host-namespace';

/** `network_mode: host`: no network isolation, every host interface and local service reachable. */
export default defineRule({
  meta: {
    id: 'DG305',
    name: 'host-network',
    description: 'A service uses the host\'s network stack (`network_mode: host`).',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '5.10', 'v1.5.0': '5.9' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { host: '"network_mode: host" gives the container the host\'s network stack: it can bind any host port, reach services listening on localhost and, with NET_ADMIN, reconfigure the host\'s interfaces (CIS 5.10).' },
    fix: 'unsafe',
  },
  check(context, model) {
    checkHostNamespace(context, model, 'network_mode', 'host', 'host', 'Remove "network_mode: host" (the service joins the project network; publish the ports it serves)');
  },
});
