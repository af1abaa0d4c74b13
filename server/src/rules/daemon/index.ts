/** Daemon-setting rules (DG1xx): they judge the effective configuration of a host. Sorted by id. */
import type { Rule } from '../../engine/rule';
import dg103 from './dg103-inter-container-communication';

export const DAEMON_RULES: Rule[] = [dg103] as Rule[];
