import { defineRule } from '../../engine/rule';

const ALLOWED_GROUPS = new Set(['root', 'docker']);

/** Whoever can open docker.sock controls the daemon, i.e. root on the host (CIS 3.15/3.16). */
export default defineRule({
  meta: {
    id: 'DG204',
    name: 'socket-too-permissive',
    description: 'docker.socket is more permissive than 0660 root:docker.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.16', 'v1.5.0': '3.16' },
    kinds: ['systemd'],
    reads: 'systemd',
    messages: {
      mode: 'SocketMode={{mode}} lets users outside root and the docker group open the Docker socket, which means root on the host; use 0660 (CIS 3.16).',
      badMode: 'SocketMode={{mode}} is not an octal file mode; systemd ignores it and uses 0666; use 0660 (CIS 3.16).',
      user: 'SocketUser={{value}}: the Docker socket should be owned by root; its owner controls the daemon (CIS 3.15).',
      group: 'SocketGroup={{value}}: the Docker socket should belong to root or docker; every member of the group controls the daemon (CIS 3.15).',
    },
    fix: 'unsafe',
  },
  check(context, file) {
    if (file.unitName !== 'docker.socket' || !file.unit) return;
    for (const directive of file.unit.directives) {
      if (directive.section !== 'Socket' || directive.empty) continue;
      const value = directive.value.text;
      const at = { file: file.path, span: { start: directive.value.offsets[0], end: directive.value.offsets[value.length] } };
      if (directive.name === 'SocketMode') {
        const mode = /^[0-7]{1,4}$/.test(value) ? parseInt(value, 8) : undefined;
        if (mode !== undefined && (mode & ~0o660) === 0) continue;
        const fixes = [{ title: 'Set SocketMode=0660 (only root and the docker group can use the socket)', safety: 'unsafe' as const, edits: [{ offset: at.span.start, length: at.span.end - at.span.start, content: '0660' }] }];
        context.report({ messageId: mode === undefined ? 'badMode' : 'mode', data: { mode: value }, at, fixes });
      } else if (directive.name === 'SocketUser' && value !== 'root' && value !== '0') {
        context.report({ messageId: 'user', data: { value }, at });
      } else if (directive.name === 'SocketGroup' && !ALLOWED_GROUPS.has(value) && value !== '0') {
        context.report({ messageId: 'group', data: { value }, at });
      }
    }
  },
});
