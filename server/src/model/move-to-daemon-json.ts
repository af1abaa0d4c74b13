/**
 * "Move to daemon.json": Docker documents daemon.json as the place for daemon settings, and a flag in
 * a unit is what package upgrades, drop-ins and `systemctl edit` make hard to follow. The fix takes
 * the flag out of the command (through the override.conf drop-in for a vendor unit) and writes the
 * key into the host's daemon.json, creating `etc/docker/daemon.json` under the host's root when the
 * workspace holds none.
 */
import type { FileChange, FixProposal, FixSafety } from '../engine/types';
import { setJsonValue } from '../formats/daemon-json/edits';
import type { JsonValue, Setting } from './daemon-config';
import { optionByKey } from './daemon-options';
import { flagFix } from './flag-fixes';
import type { DaemonHost } from './host';
import { overridePath } from './unit-stack';

/** The change that sets `key` to `value` in the host's daemon.json (creating the file), or undefined when there is no safe place. */
export function daemonJsonChange(host: DaemonHost, key: string, value: JsonValue): FileChange | undefined {
  if (host.daemonJson) return { file: host.daemonJson.path, edits: setJsonValue(host.daemonJson.text, [key], value) };
  // A daemon.json that does not parse, or a folder that is not a host tree: creating one would be a guess.
  if (!host.complete || !host.hostTree || host.files.includes(host.configFile)) return undefined;
  return { file: host.configFile, create: true, edits: [{ offset: 0, length: 0, content: `${JSON.stringify({ [key]: value }, null, 2)}\n` }] };
}

/**
 * Move the one flag that writes `setting` into daemon.json with `value`. Offered only for a
 * top-level key dockerd reads from the file and written by exactly one flag, so the move cannot
 * leave the key both as a flag and in the file (DG202).
 */
export function moveToDaemonJsonFix(host: DaemonHost, setting: Setting, value: JsonValue, safety: FixSafety = 'unsafe'): FixProposal[] {
  const origin = setting.origin;
  if (origin.type !== 'flag') return [];
  const option = optionByKey(setting.key);
  if (!option || option.file === 'ignored' || option.memberOf !== undefined) return [];
  if (host.config.all(setting.key).filter((s) => s.origin.type === 'flag').length !== 1) return [];
  const removal = flagFix(host, origin, '', 'remove', safety)[0];
  const target = daemonJsonChange(host, setting.key, value);
  if (!removal || !target) return [];
  const viaDropIn = (removal.otherFiles?.length ?? 0) > 0 && host.service !== undefined;
  const where = viaDropIn ? ` (the flag is removed in ${overridePath(host.service!.name)}; ${origin.file.slice(host.root.length)} stays as shipped)` : '';
  const title = `Move ${origin.flag} to daemon.json as "${setting.key}": ${JSON.stringify(value)}${where}`;
  return [{ title, safety, edits: removal.edits, otherFiles: [...(removal.otherFiles ?? []), target] }];
}
