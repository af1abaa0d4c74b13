/**
 * dockerd's flags, read from the daemon option table (model/daemon-options.ts), and the flags of
 * removed options from the lifecycle table (model/lifecycle.ts): dockerd no longer knows those, but
 * the parser does, so `--graph=/x` is judged as the removed `graph` (DG005) and never taken for a
 * typo of `--group`.
 */
import { DAEMON_OPTIONS, optionByKey, type DaemonOption } from './daemon-options';
import { LIFECYCLE, type Lifecycle } from './lifecycle';
import type { FlagSpec, FlagTable } from '../formats/systemd/dockerd-flags';

/** A flag with the option it comes from (for hover: description, default). */
export interface DockerdFlagSpec extends FlagSpec {
  option: DaemonOption;
}

function specOf(option: DaemonOption): DockerdFlagSpec | undefined {
  const long = option.flags.find((f) => f.startsWith('--'));
  if (!long || !option.flagValue) return undefined;
  const shorthand = option.flags.find((f) => /^-[^-]$/.test(f))?.slice(1);
  // `file: 'ignored'` flags (--config-file, --validate …) steer the command, not a daemon setting.
  const key = option.memberOf ?? (option.file === 'ignored' ? undefined : option.key);
  return { name: long.slice(2), shorthand, key, optionKey: option.key, member: option.memberOf ? option.key : undefined, kind: option.flagValue, option };
}

/** The flag of a removed option: it still sets its key, so the daemon rules judge it as the key. */
function removedSpecOf(entry: Lifecycle): DockerdFlagSpec | undefined {
  const long = entry.flags?.find((f) => f.startsWith('--'));
  if (!long || !entry.flagValue) return undefined;
  const description = `Removed from dockerd (${entry.note})${entry.successor ? `; use --${entry.successor}` : ''}.`;
  const option: DaemonOption = optionByKey(entry.key) ?? { key: entry.key, flags: entry.flags!, flagValue: entry.flagValue, description, schema: {} };
  const shorthand = entry.flags!.find((f) => /^-[^-]$/.test(f))?.slice(1);
  return { name: long.slice(2), shorthand, key: entry.key, optionKey: entry.key, kind: entry.flagValue, option };
}

const SPECS = DAEMON_OPTIONS.map(specOf).filter((s): s is DockerdFlagSpec => s !== undefined);
const REMOVED = LIFECYCLE.map(removedSpecOf).filter((s): s is DockerdFlagSpec => s !== undefined);
const BY_LONG = new Map([...REMOVED, ...SPECS].map((s) => [s.name, s]));
const BY_SHORT = new Map([...REMOVED, ...SPECS].filter((s) => s.shorthand).map((s) => [s.shorthand!, s]));
const NAMES = SPECS.filter((s) => !s.option.hidden).map((s) => s.name);
const REMOVED_NAMES = REMOVED.map((s) => s.name);

export const DOCKERD_FLAGS: FlagTable & { all: readonly DockerdFlagSpec[]; removedNames(): readonly string[] } = {
  long: (name) => BY_LONG.get(name),
  short: (letter) => BY_SHORT.get(letter),
  names: () => NAMES,
  /** The long names of removed flags: never suggested, and a typo close to one gets no did-you-mean. */
  removedNames: () => REMOVED_NAMES,
  all: SPECS,
};
