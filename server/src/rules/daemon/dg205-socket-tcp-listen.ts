import { defineRule } from '../../engine/rule';

/** A TCP ListenStream serves the Docker API with neither TLS nor authentication. */
export default defineRule({
  meta: {
    id: 'DG205',
    name: 'socket-tcp-listen',
    description: 'docker.socket listens on a TCP address.',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '2.7', 'v1.5.0': '2.6' },
    kinds: ['systemd'],
    reads: 'daemon',
    messages: {
      tcp: 'ListenStream={{value}} serves the Docker API over TCP with no TLS and no authentication: anyone who reaches it is root on the host; listen on /run/docker.sock and configure "hosts" with TLS for remote access.',
    },
  },
  check(context, host) {
    // The listeners left once the drop-ins are merged: an empty ListenStream= resets the list.
    for (const { file, directive } of host.socket?.listenStreams ?? []) {
      const value = directive.value.text;
      // Paths (`/run/docker.sock`) and abstract sockets (`@name`) are local; anything else is an address or a port.
      if (value.startsWith('/') || value.startsWith('@') || value.startsWith('vsock:')) continue;
      context.report({ messageId: 'tcp', data: { value }, at: { file: file.path, span: { start: directive.value.offsets[0], end: directive.value.offsets[value.length] } } });
    }
  },
});
