import { defineRule } from '../../engine/rule';
import { containerdSocket } from '../../model/host-metadata';
import { describePath, permissionProblem } from '../../model/host-permissions';

/** containerd's socket runs containers as root without dockerd's checks. */
export default defineRule({
  meta: {
    id: 'DG510',
    name: 'containerd-socket-permissions',
    description: "containerd's socket is not root:root with mode 660 or stricter.",
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.23/3.24' },
    kinds: ['host-facts'],
    reads: 'host',
    messages: {
      permissions: '{{path}} is {{actual}}; it should be {{wanted}} or stricter: whoever can open it starts containers as root, past every check of dockerd (CIS 3.23/3.24).',
    },
    fix: 'display-only',
  },
  check(context, host) {
    const socket = containerdSocket(host.daemon);
    const fact = host.facts.get(socket.path);
    if (fact?.type !== 'socket') return; // no socket: containerd is not running here (not applicable)
    const problem = permissionProblem(host, fact, { group: 'root', mode: 0o660 });
    if (!problem) return;
    context.report({
      messageId: 'permissions',
      data: { path: describePath(fact), actual: problem.actual, wanted: problem.wanted },
      at: host.at(socket.path),
      // containerd recreates the socket at every start from its config's [grpc] section.
      fixes: [{ title: 'Set uid = 0 and gid = 0 in the [grpc] section of /etc/containerd/config.toml, then systemctl restart containerd', safety: 'display-only', edits: [] }],
    });
  },
});
