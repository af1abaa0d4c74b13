import { defineRule } from '../../engine/rule';
import { membersFix } from '../../model/fixes';
import { originLocation } from '../../model/origin';

/** The rotation the fix adds: at most three files of 10 MB per container. */
const ROTATION = { 'max-size': '10m', 'max-file': '3' } as const;

/** json-file (dockerd's default driver) never rotates unless told to, so one chatty container fills the disk. */
export default defineRule({
  meta: {
    id: 'DG116',
    name: 'log-rotation-missing',
    description: 'json-file logging without a size limit.',
    severity: 'warning',
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      unbounded: 'Containers log with json-file and "log-opts" has no "max-size": each container\'s log grows until the disk is full, which can stop the daemon and every container; set "max-size" (and "max-file") in "log-opts".',
      defaultDriver: '"log-driver" is not set, so containers log with json-file, which has no size limit unless "log-opts" sets "max-size": each container\'s log grows until the disk is full; set "max-size" and "max-file" in "log-opts".',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const { config } = host;
    if (config.value('log-driver') !== 'json-file' || config.member('log-opts', 'max-size')) return;
    const missing = Object.fromEntries(Object.entries(ROTATION).filter(([name]) => !config.member('log-opts', name)));
    const added = Object.entries(missing).map(([name, value]) => `"${name}": "${value}"`).join(' and ');
    const fixes = () => membersFix(host, 'log-opts', missing, `Add ${added} to "log-opts" (applies to containers created from now on; older log lines are deleted)`);
    const driver = config.get('log-driver');
    const logOpts = config.get('log-opts');
    const explicit = logOpts ?? driver;
    if (explicit) context.report({ messageId: 'unbounded', at: originLocation(explicit.origin), fixes });
    else if (host.anchor) context.report({ messageId: 'defaultDriver', at: host.anchor, fixes });
  },
});
