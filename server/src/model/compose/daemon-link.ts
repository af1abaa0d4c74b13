/**
 * The daemon a Compose project runs on, and what its settings change for a service. A project
 * belongs to the machine whose host tree holds it (`h1/srv/app/compose.yaml` runs on `h1/`'s
 * dockerd) or that `.dockguard.yaml` declares around it. Loose Compose files are a machine of their
 * own (the kind's `looseGroup`), so a daemon.json lying beside them is never theirs: no daemon.
 */
import type { Machine } from '../../engine/machine';
import type { RelatedInformation } from '../../engine/types';
import type { Setting } from '../daemon-config';
import { defaultConfigFile, type DaemonHost } from '../host';
import { originLocation } from '../origin';

/**
 * The machine's dockerd: the host its units start, else the one reading the machine's default
 * daemon.json. Another daemon.json somewhere in the tree (a backup, an example) is not it.
 */
export function projectDaemon(machine: Machine): DaemonHost | undefined {
  if (!machine.hostTree) return undefined;
  const hosts = machine.model('daemon').map((instance) => instance.model);
  const configFile = machine.root + defaultConfigFile(machine);
  return hosts.find((h) => h.service?.command || h.command) ?? hosts.find((h) => h.configFile === configFile);
}

/**
 * The daemon setting that decides `key`, when it is explicit. `known` says whether the daemon's
 * whole configuration is in view: a setting that is absent from an incomplete daemon (a
 * `--config-file` outside the workspace) may be written where we cannot see it, so a message
 * may only claim the daemon lacks it when `known` is true.
 */
export function daemonSetting(daemon: DaemonHost | undefined, key: string): { setting?: Setting; known: boolean } {
  if (!daemon) return { known: false };
  return { setting: daemon.config.get(key), known: daemon.complete };
}

/** Related information pointing at the daemon setting a message speaks of. */
export function daemonRelated(setting: Setting, message: string): RelatedInformation[] {
  return [{ location: originLocation(setting.origin), message }];
}

/** Related information pointing at the daemon's configuration as a whole, for a setting it lacks. */
export function daemonAnchorRelated(daemon: DaemonHost, message: string): RelatedInformation[] {
  return daemon.anchor ? [{ location: daemon.anchor, message }] : [];
}
