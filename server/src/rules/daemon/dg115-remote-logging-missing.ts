import { defineRule } from '../../engine/rule';
import { originValueLocation } from '../../model/origin';

/** Drivers that keep container logs on the host (or drop them); json-file is dockerd's default. */
const LOCAL_DRIVERS = new Set(['json-file', 'local', 'none']);

/** Logs kept only on the host are lost with it, and an intruder can erase them. */
export default defineRule({
  meta: {
    id: 'DG115',
    name: 'remote-logging-missing',
    description: 'Container logs are not sent to a central log service.',
    severity: 'info',
    level: 'L2',
    cis: { 'v1.6.0': '2.13', 'v1.5.0': '2.13' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      local: '"log-driver" is "{{driver}}": container logs stay on this host, where an intruder can erase them and a lost disk loses them; send them to a central service (syslog, journald with forwarding, gelf, fluentd …) (CIS 2.13).',
      discarded: '"log-driver" is "none": container logs are discarded, so nothing is left to investigate an incident with; send them to a central service (syslog, journald with forwarding, gelf, fluentd …) (CIS 2.13).',
      default: '"log-driver" is not set, so container logs go to json-file files on this host, where an intruder can erase them; send them to a central service (syslog, journald with forwarding, gelf, fluentd …) (CIS 2.13).',
    },
  },
  check(context, host) {
    const driver = host.config.get('log-driver');
    if (!driver) {
      if (host.anchor) context.report({ messageId: 'default', at: host.anchor });
      return;
    }
    if (typeof driver.value !== 'string' || !LOCAL_DRIVERS.has(driver.value)) return;
    context.report({ messageId: driver.value === 'none' ? 'discarded' : 'local', data: { driver: driver.value }, at: originValueLocation(driver.origin) });
  },
});
