import { defineRule } from '../../engine/rule';
import { dockerSockets } from '../../model/host-metadata';
import { describePath, permissionProblem } from '../../model/host-permissions';

/** Whoever can open the Docker socket can start a privileged container: root on the host. */
export default defineRule({
  meta: {
    id: 'DG507',
    name: 'docker-socket-permissions',
    description: 'The Docker socket is not root:docker with mode 660 or stricter.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.15/3.16' },
    kinds: ['host-facts'],
    reads: 'host',
    messages: {
      permissions: '{{path}} is {{actual}}; it should be {{wanted}} or stricter: whoever can open it drives the daemon, which is root on the host (CIS 3.15/3.16).',
    },
    fix: 'display-only',
  },
  check(context, host) {
    for (const socket of dockerSockets(host.daemon)) {
      const fact = host.facts.get(socket.path);
      if (fact?.type !== 'socket') continue; // no socket: the daemon is not running here (not applicable)
      const problem = permissionProblem(host, fact, { group: 'docker', mode: 0o660 });
      if (!problem) continue;
      // dockerd or systemd resets the socket's mode at every start: the fix is where they take it from.
      const title = host.daemon?.socket
        ? 'Set SocketMode=0660, SocketUser=root and SocketGroup=docker in docker.socket (systemctl edit docker.socket), then systemctl restart docker.socket'
        : 'Start dockerd with --group docker (the socket is created 0660 root:<group>), then restart it';
      context.report({
        messageId: 'permissions',
        data: { path: describePath(fact), actual: problem.actual, wanted: problem.wanted },
        at: host.at(socket.path),
        fixes: [{ title, safety: 'display-only', edits: [] }],
      });
    }
  },
});
