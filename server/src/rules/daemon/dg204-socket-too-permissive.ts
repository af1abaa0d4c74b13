import { defineRule, type RuleContext } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { DaemonHost } from '../../model/host';
import { isPathListener, socketOwnership, socketSetting, type DockerSocket } from '../../model/docker-socket';
import { directiveFix, stackFiles, type UnitEntry } from '../../model/unit-stack';

const ALLOWED_GROUPS = new Set(['root', 'docker']);

/**
 * Whoever can open docker.sock controls the daemon, i.e. root on the host (CIS 3.15/3.16). Judged on
 * the socket as systemd loads it: the unit with its drop-ins, the last assignment winning.
 */
export default defineRule({
  meta: {
    id: 'DG204',
    name: 'socket-too-permissive',
    description: 'docker.socket is more permissive than 0660 root:docker.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.16', 'v1.5.0': '3.16' },
    kinds: ['systemd'],
    reads: 'daemon',
    messages: {
      mode: 'SocketMode={{mode}} lets users outside root and the docker group open the Docker socket, which means root on the host; use 0660 (CIS 3.16).',
      badMode: 'SocketMode={{mode}} is not an octal file mode; systemd ignores it and uses 0666; use 0660 (CIS 3.16).',
      missing: '{{unit}} sets no SocketMode=, so systemd creates {{path}} with mode 0666: every local user can open the Docker socket, which means root on the host; set SocketMode=0660 (CIS 3.16).',
      reset: 'SocketMode= resets the mode to systemd\'s default 0666: every local user can open the Docker socket, which means root on the host; set SocketMode=0660 (CIS 3.16).',
      user: 'SocketUser={{value}}: the Docker socket should be owned by root; its owner controls the daemon (CIS 3.15).',
      group: 'SocketGroup={{value}}: the Docker socket should belong to root or docker; every member of the group controls the daemon (CIS 3.15).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const socket = host.socket;
    if (!socket) return;
    checkMode(context, host, socket);
    const { user, group } = socketOwnership(socket);
    if (user !== 'root' && user !== '0') context.report({ messageId: 'user', data: { value: user }, at: valueAt(socketSetting(socket, 'SocketUser')!) });
    if (!ALLOWED_GROUPS.has(group) && group !== '0') context.report({ messageId: 'group', data: { value: group }, at: valueAt(socketSetting(socket, 'SocketGroup')!) });
  },
});

function checkMode(context: RuleContext, host: DaemonHost, socket: DockerSocket): void {
  const entry = socketSetting(socket, 'SocketMode');
  const fixes = (): FixProposal[] => {
    const change = directiveFix(host.root, socket, 'Socket', entry, 'SocketMode', '0660');
    const { user, group } = socketOwnership(socket);
    return [{ title: `Set SocketMode=0660 (only ${user} and the ${group} group can use the socket)${change.where}`, safety: 'unsafe', ...change }];
  };
  if (entry && !entry.directive.empty) {
    const value = entry.directive.value.text;
    const mode = /^[0-7]{1,4}$/.test(value) ? parseInt(value, 8) : undefined;
    if (mode !== undefined && (mode & ~0o660) === 0) return;
    context.report({ messageId: mode === undefined ? 'badMode' : 'mode', data: { mode: value }, at: valueAt(entry), fixes });
    return;
  }
  // The mode applies to file system sockets only; a socket on a port alone is DG205's.
  const path = socket.listenStreams.map((l) => l.directive.value.text).find(isPathListener);
  if (path === undefined) return;
  if (entry) {
    context.report({ messageId: 'reset', at: { file: entry.file.path, span: entry.directive.nameSpan }, fixes });
    return;
  }
  const header = sectionHeader(socket);
  if (header) context.report({ messageId: 'missing', data: { unit: socket.name, path }, at: header, fixes });
}

function valueAt(entry: UnitEntry) {
  const { value } = entry.directive;
  return { file: entry.file.path, span: { start: value.offsets[0], end: value.offsets[value.text.length] } };
}

/** Where a mode left out is reported: the [Socket] header of the unit, else of the first drop-in that has one. */
function sectionHeader(socket: DockerSocket) {
  for (const file of stackFiles(socket)) {
    const section = file.unit?.sections.find((s) => s.name === 'Socket');
    if (section) return { file: file.path, span: section.nameSpan };
  }
  return undefined;
}
