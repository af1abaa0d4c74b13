import { defineRule } from '../../engine/rule';
import { removeItemFix, writtenText } from '../../model/compose/fixes';
import { setting } from '../../model/compose/values';
import { capabilitiesOf } from './capabilities';
import { reportPerPlace, type PlaceHit } from './report';

/** What each capability lets a container do to its host (the reason in the message). */
const DANGEROUS: Record<string, string> = {
  ALL: 'have every capability, as a privileged container does (short of the devices)',
  SYS_ADMIN: 'mount filesystems, use namespaces and many other admin calls: the usual way out of a container',
  SYS_MODULE: 'load kernel modules, i.e. run code in the host\'s kernel',
  SYS_PTRACE: 'trace and inject code into processes (with pid: host, the host\'s)',
  SYS_RAWIO: 'raw I/O to devices and memory (/dev/mem, ioperm)',
  SYS_BOOT: 'reboot the host',
  SYS_TIME: 'set the host\'s clock',
  DAC_READ_SEARCH: 'read any file by handle (open_by_handle_at): the "shocker" escape',
  NET_ADMIN: 'reconfigure interfaces, routes and firewall rules (of the host, with network_mode: host)',
  BPF: 'load BPF programs into the kernel',
  PERFMON: 'observe the kernel and other processes with perf and BPF',
  MAC_ADMIN: 'change the AppArmor or SELinux policy',
  MAC_OVERRIDE: 'bypass the AppArmor or SELinux policy',
  SYSLOG: 'read and clear the kernel log (kernel addresses)',
};

/** A capability that hands the container a way to the host. */
export default defineRule({
  meta: {
    id: 'DG309',
    name: 'dangerous-capability',
    description: 'A service adds a capability that gives it power over the host (ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE, NET_ADMIN …).',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '5.4', 'v1.5.0': '5.3' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { dangerous: 'cap_add "{{written}}" lets the container {{why}} (CIS 5.4); add only what the workload needs, each with a reason.' },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const cap of capabilitiesOf(setting(service, 'cap_add')?.value)) {
        const why = DANGEROUS[cap.name];
        if (!why) continue;
        const written = writtenText(files, cap.node);
        hits.push({ service, file: cap.node.file, span: cap.node.span, messageId: 'dangerous', data: { written, why }, fixes: (note) => removeItemFix(files, cap.node, `Remove capability ${cap.name} (what needs it stops working)${note}`, 'unsafe') });
      }
    }
    reportPerPlace(context, hits);
  },
});
