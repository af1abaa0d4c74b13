import { defineRule } from '../../engine/rule';
import { checkBooleanSetting } from './boolean-setting';

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
    checkBooleanSetting(context, host, {
      key: 'no-new-privileges',
      wanted: true,
      messages: { wrong: 'disabled', missing: 'missing' },
      fixTitle: 'Set "no-new-privileges" to true (setuid programs such as sudo no longer gain privileges inside containers)',
    });
  },
});
