/**
 * The kind table: every file kind dockguard lints, in detection order. A new kind is one module
 * here (see docs/ARCHITECTURE.md, "Adding a file kind").
 */
import type { KindModule } from '../engine/kind';
import audit from './audit';
import compose from './compose';
import composeEnv from './compose-env';
import daemonJson from './daemon-json';
import dockguardConfig from './dockguard-config';
import hostFacts from './host-facts';
import systemd from './systemd';

export const KINDS: readonly KindModule[] = [daemonJson, systemd, compose, composeEnv, audit, hostFacts, dockguardConfig] as KindModule[];
