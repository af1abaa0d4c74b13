import { defineRule } from '../../engine/rule';
import { checkHostNamespace } from './host-namespace';

/** `ipc: host`: the container shares the host's shared memory and semaphores. */
export default defineRule({
  meta: {
    id: 'DG306',
    name: 'host-ipc-namespace',
    description: 'A service shares the host\'s IPC namespace (`ipc: host`).',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '5.17', 'v1.5.0': '5.16' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { host: '"ipc: host" shares the host\'s IPC namespace: the container can read and write the shared memory of host processes (CIS 5.17).' },
    fix: 'unsafe',
  },
  check(context, model) {
    checkHostNamespace(context, model, 'ipc', 'host', 'host', 'Remove "ipc: host" (the container gets its own IPC namespace)');
  },
});
