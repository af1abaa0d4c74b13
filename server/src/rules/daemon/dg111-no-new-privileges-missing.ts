import { defineRule } from '../../engine/rule';
import { settingFix } from '../../model/fixes';
import { originLocation } from '../../model/origin';

/** With no-new-privileges, setuid binaries and file capabilities cannot raise a container process's privileges. */
export default defineRule({
  meta: {
    id: 'DG111',
    name: 'no-new-privileges-missing',
    description: 'Containers are not restricted from acquiring new privileges by default.',
    severity: 'warning',
    level: 'L2',
    cis: { 'v1.6.0': '2.14', 'v1.5.0': '2.14' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      disabled: '"no-new-privileges" is false: a process in a container can gain privileges through setuid binaries or file capabilities; set it to true (CIS 2.14).',
      missing: '"no-new-privileges" is not set, so it defaults to false: a process in a container can gain privileges through setuid binaries or file capabilities; set "no-new-privileges": true (CIS 2.14).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const fixes = () => settingFix(host, 'no-new-privileges', true, 'Set "no-new-privileges" to true (setuid programs such as sudo no longer gain privileges inside containers)');
    const setting = host.config.get('no-new-privileges');
    if (setting) {
      if (setting.value === false) context.report({ messageId: 'disabled', at: originLocation(setting.origin), fixes });
    } else if (host.anchor) {
      context.report({ messageId: 'missing', at: host.anchor, fixes });
    }
  },
});
