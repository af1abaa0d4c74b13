/** Daemon-setting rules (DG1xx): they judge the effective configuration of a host. Sorted by id. */
import type { Rule } from '../../engine/rule';
import dg101 from './dg101-tcp-socket-without-tls';
import dg102 from './dg102-tls-without-client-verification';
import dg103 from './dg103-inter-container-communication';
import dg104 from './dg104-userland-proxy-enabled';
import dg105 from './dg105-experimental-enabled';
import dg106 from './dg106-insecure-storage-driver';
import dg107 from './dg107-iptables-disabled';
import dg108 from './dg108-insecure-registries';
import dg109 from './dg109-log-level-not-info';
import dg110 from './dg110-userns-remap-missing';
import dg111 from './dg111-no-new-privileges-missing';
import dg112 from './dg112-live-restore-missing';
import dg113 from './dg113-seccomp-unconfined';
import dg114 from './dg114-authorization-plugin-missing';
import dg115 from './dg115-remote-logging-missing';
import dg116 from './dg116-log-rotation-missing';
import dg117 from './dg117-api-cors-wildcard';
import dg118 from './dg118-selinux-disabled';
import dg119 from './dg119-default-bind-all-interfaces';
import dg120 from './dg120-registry-mirror-cleartext';
import dg121 from './dg121-cgroup-parent-changed';
import dg122 from './dg122-tcp-socket-all-interfaces';

export const DAEMON_RULES: Rule[] = [dg101, dg102, dg103, dg104, dg105, dg106, dg107, dg108, dg109, dg110, dg111, dg112, dg113, dg114, dg115, dg116, dg117, dg118, dg119, dg120, dg121, dg122] as Rule[];
