/**
 * Storage options belong to one graph driver: each driver parses its own `storage-opts` and refuses
 * an option of another driver at start (`overlay2: unknown option dm.basesize`). Only options
 * named with a driver prefix are judged (`dm.`, `overlay2.`, `btrfs.`, `zfs.`, `vfs.`); a bare name
 * such as `size` is taken by several drivers.
 */
import type { FixProposal } from '../engine/types';
import type { Setting } from './daemon-config';
import { flagFix, flagText } from './flag-fixes';
import { sequentialEdits } from './fixes';
import type { DaemonHost } from './host';

/** The option prefix each graph driver parses (devicemapper's is `dm`). */
const PREFIX_OF_DRIVER: Readonly<Record<string, string>> = { devicemapper: 'dm', overlay2: 'overlay2', overlay: 'overlay', btrfs: 'btrfs', zfs: 'zfs', vfs: 'vfs', aufs: 'aufs', 'fuse-overlayfs': 'fuse-overlayfs' };
const DRIVER_OF_PREFIX = new Map(Object.entries(PREFIX_OF_DRIVER).map(([driver, prefix]) => [prefix, driver]));

/** The driver a storage option is for, by its prefix (`dm.basesize=…` → devicemapper); undefined for a bare name. */
export function driverOfStorageOption(option: string): string | undefined {
  const dot = option.indexOf('.');
  const equals = option.indexOf('=');
  if (dot < 0 || (equals >= 0 && equals < dot)) return undefined;
  return DRIVER_OF_PREFIX.get(option.slice(0, dot).trim().toLowerCase());
}

/** Does `driver` (a graph driver dockguard knows) refuse this storage option? */
export function refusesStorageOption(driver: string, option: string): boolean {
  const owner = driverOfStorageOption(option);
  return driver in PREFIX_OF_DRIVER && owner !== undefined && owner !== driver;
}

/**
 * Set the storage driver to `driver` where `setting` writes it, and take out the storage options
 * the new driver would refuse. Refused (no fix) when such an option is written where this change
 * cannot reach it (a flag beside a daemon.json driver, or the other way round).
 */
export function storageDriverFix(host: DaemonHost, setting: Setting, driver: string, title = `Use "${driver}" (images and containers of the old driver are no longer visible)`): FixProposal[] {
  const refused = host.config.items('storage-opts').filter((item) => typeof item.value === 'string' && refusesStorageOption(driver, item.value));
  const origin = setting.origin;
  if (origin.type === 'flag') {
    return refused.length > 0 ? [] : flagFix(host, origin, flagText(origin, 'storage-driver', driver), title, 'unsafe');
  }
  const json = host.daemonJson;
  if (!json || json.path !== origin.file || refused.some((item) => item.origin.type !== 'daemon-json' || item.origin.file !== json.path)) return [];
  if (refused.length === 0) return [{ title, safety: 'unsafe', edits: [{ offset: origin.valueSpan.start, length: origin.valueSpan.end - origin.valueSpan.start, content: JSON.stringify(driver) }] }];
  const list = host.config.all('storage-opts').find((s) => s.origin.type === 'daemon-json' && s.origin.file === json.path)!;
  if (list.origin.type !== 'daemon-json') return [];
  const kept = (list.items ?? []).filter((item) => !refused.includes(item)).map((item) => item.value);
  const edits = sequentialEdits(json.text, [[origin.path, driver], [list.origin.path, kept.length > 0 ? kept : undefined]]);
  const names = refused.map((item) => `"${item.value}"`).join(', ');
  return [{ title: `${title}, and remove ${names} (${driver} refuses ${refused.length === 1 ? 'it' : 'them'})`, safety: 'unsafe', edits }];
}
