import { defineRule } from '../../engine/rule';
import { removalFix } from '../../model/fixes';
import { originValueLocation } from '../../model/origin';

/** Docker's default seccomp profile blocks system calls containers do not need; unconfined drops it for all. */
export default defineRule({
  meta: {
    id: 'DG113',
    name: 'seccomp-unconfined',
    description: 'Containers run without a seccomp profile by default.',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '2.17', 'v1.5.0': '2.17' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      unconfined: '"seccomp-profile" is "unconfined": containers run without a seccomp filter, so every system call, including those kernel exploits rely on, is open to them; remove it to get Docker\'s default profile, or name a custom profile (CIS 2.17).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const profile = host.config.get('seccomp-profile');
    if (typeof profile?.value !== 'string' || profile.value.trim() !== 'unconfined') return;
    context.report({
      messageId: 'unconfined',
      at: originValueLocation(profile.origin),
      fixes: () => removalFix(host, profile, 'Remove "seccomp-profile" (containers get Docker\'s default seccomp profile; those that need a blocked call must ask for it)'),
    });
  },
});
