/**
 * The model table: the cross-file models rules can read by name, each built per machine. A kind's
 * own per-file model (named after the kind) needs no entry; one registered here replaces it.
 */
import type { ModelProvider } from '../engine/machine';
import auditRules from './audit-rules';
import compose from './compose';
import daemon from './daemon';
import host from './host';
import systemd from './systemd';

export const MODELS: readonly ModelProvider[] = [compose, daemon, systemd, auditRules, host] as ModelProvider[];
