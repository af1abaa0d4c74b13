/** systemd unit rules (DG2xx): Docker's units, drop-ins and env files. Sorted by id. */
import type { Rule } from '../../engine/rule';
import dg201 from './dg201-execstart-not-reset';
import dg202 from './dg202-flag-and-file-conflict';
import dg203 from './dg203-unknown-dockerd-flag';
import dg204 from './dg204-socket-too-permissive';
import dg205 from './dg205-socket-tcp-listen';
import dg206 from './dg206-hidden-daemon-options';
import dg207 from './dg207-unit-syntax';

export const SYSTEMD_RULES: Rule[] = [dg201, dg202, dg203, dg204, dg205, dg206, dg207] as Rule[];
