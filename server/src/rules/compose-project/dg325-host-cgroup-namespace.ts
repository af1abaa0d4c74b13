import { defineRule } from '../../engine/rule';
import { checkHostNamespace } from './host-namespace';

/** `cgroup: host`: the container sees the host's whole cgroup tree. */
export default defineRule({
  meta: {
    id: 'DG325',
    name: 'host-cgroup-namespace',
    description: 'A service shares the host\'s cgroup namespace (`cgroup: host`).',
    severity: 'warning',
    level: 'L1',
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { host: '"cgroup: host" shares the host\'s cgroup namespace: the container sees the host\'s whole cgroup tree and the limits of every other container.' },
    fix: 'unsafe',
  },
  check(context, model) {
    checkHostNamespace(context, model, 'cgroup', 'host', 'host', 'Remove "cgroup: host" (the container gets a private cgroup namespace)');
  },
});
