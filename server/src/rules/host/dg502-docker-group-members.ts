import { defineRule } from '../../engine/rule';

/** Membership of the docker group is root on the host, without sudo's log or password. */
export default defineRule({
  meta: {
    id: 'DG502',
    name: 'docker-group-members',
    description: 'The docker group has members; each of them is root-equivalent.',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '1.1.2' },
    kinds: ['host-facts'],
    reads: 'host',
    messages: {
      members: 'the docker group has {{count}} {{members}}: {{names}}; each can start a privileged container, which is root on the host, so keep it to trusted administrators (CIS 1.1.2).',
    },
  },
  check(context, host) {
    const group = host.group?.entries.find((e) => e.name === 'docker');
    if (!host.group || !group) return;
    const primary = (host.passwd?.entries ?? []).filter((user) => user.gid === group.gid && !group.members.includes(user.name));
    const names = [...group.members, ...primary.map((user) => `${user.name} (primary group)`)];
    if (names.length === 0) return;
    context.report({
      messageId: 'members',
      data: { count: names.length, members: names.length === 1 ? 'member' : 'members', names: names.join(', ') },
      at: { file: host.group.file.path, span: group.span },
    });
  },
});
