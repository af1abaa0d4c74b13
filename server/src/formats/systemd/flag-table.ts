/** dockerd 29's flags, read from the daemon option table (model/daemon-options.ts). */
import { DAEMON_OPTIONS, type DaemonOption } from '../../model/daemon-options';
import type { FlagSpec, FlagTable } from './dockerd-flags';

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
  return { name: long.slice(2), shorthand, key, member: option.memberOf ? option.key : undefined, kind: option.flagValue, option };
}

const SPECS = DAEMON_OPTIONS.map(specOf).filter((s): s is DockerdFlagSpec => s !== undefined);
const BY_LONG = new Map(SPECS.map((s) => [s.name, s]));
const BY_SHORT = new Map(SPECS.filter((s) => s.shorthand).map((s) => [s.shorthand!, s]));
const NAMES = SPECS.filter((s) => !s.option.hidden).map((s) => s.name);

export const DOCKERD_FLAGS: FlagTable & { all: readonly DockerdFlagSpec[] } = {
  long: (name) => BY_LONG.get(name),
  short: (letter) => BY_SHORT.get(letter),
  names: () => NAMES,
  all: SPECS,
};
