/**
 * The removed and deprecated options of one host (lifecycle.ts), judged at the dockerd release the
 * user targets, wherever they are written: daemon.json keys and values, dockerd flags (`--graph`,
 * `-s aufs`), and the old command forms `docker daemon` and `docker -d`. Each comes with the fix
 * DG005 and DG006 offer.
 */
import type { FixProposal, Location } from '../../engine/types';
import { removeJsonValue, renameJsonKey } from '../../formats/daemon-json/edits';
import { nodeSpan, type DaemonJsonFile, type JsonProperty } from '../../formats/daemon-json/parse';
import type { ParsedFlag } from '../../formats/systemd/dockerd-flags';
import { optionByKey } from '../../model/daemon-options';
import { flagFix } from '../../model/flag-fixes';
import { flagJsonValue, flagOrigin } from '../../model/flag-settings';
import { hostFileText, type DaemonHost } from '../../model/host';
import { legacyCommandOf, lifecycleOf, type LifecycleMatch } from '../../model/lifecycle';
import { storageDriverFix } from '../../model/storage-driver';
import { validValue } from '../../schema/validate';

export interface LifecycleFinding extends LifecycleMatch {
  /** How the message names it: `"graph"`, `"storage-driver": "aufs"`, `The flag --graph`. */
  what: string;
  /** What to do: `use "data-root"`, `remove it`. */
  advice: string;
  at: Location;
  /** Whose release the versions name: dockerd's, or Docker's for the client commands before dockerd existed. */
  product: 'dockerd' | 'Docker';
  /** Built only when a fix is asked for (removing a key re-scans the file). */
  fixes: () => FixProposal[];
}

/** DG005 and DG006 both read the matches of one host: computed once per host and version. */
const matchesByHost = new WeakMap<DaemonHost, { dockerVersion: string; found: LifecycleFinding[] }>();

export function lifecycleFindings(host: DaemonHost, dockerVersion: string): LifecycleFinding[] {
  const remembered = matchesByHost.get(host);
  if (remembered?.dockerVersion === dockerVersion) return remembered.found;
  const found = [...(host.daemonJson ? jsonMatches(host, host.daemonJson, dockerVersion) : []), ...flagMatches(host, dockerVersion), ...commandMatches(host, dockerVersion)];
  matchesByHost.set(host, { dockerVersion, found });
  return found;
}

function jsonMatches(host: DaemonHost, file: DaemonJsonFile, dockerVersion: string): LifecycleFinding[] {
  const found: LifecycleFinding[] = [];
  const at = (span: { start: number; end: number }) => ({ file: file.path, span });
  for (const property of lastOfEachKey(file.properties)) {
    const value = property.value.value;
    if (property.key === 'storage-opts' && property.value.type === 'array') {
      property.value.children?.forEach((element, index) => {
        const match = lifecycleOf(property.key, element.value, dockerVersion);
        if (!match?.entry.value) return;
        const fix: FixProposal = { title: `Remove "${element.value}" (it has no effect)`, safety: 'safe', edits: removeJsonValue(file.text, [...property.path, index], nodeSpan(element)) };
        found.push({ ...match, product: 'dockerd', what: `The storage option "${match.entry.value}"`, advice: 'remove it', at: at(nodeSpan(element)), fixes: () => [fix] });
      });
      continue;
    }
    const match = lifecycleOf(property.key, value, dockerVersion);
    if (!match) continue;
    if (match.entry.value !== undefined) {
      const successor = match.entry.successor;
      const setting = host.config.all(property.key).find((s) => s.origin.type === 'daemon-json' && s.origin.file === file.path);
      const fixes = () => (successor && setting ? storageDriverFix(host, setting, successor) : []);
      found.push({ ...match, product: 'dockerd', what: `"${property.key}": "${match.entry.value}"`, advice: successor ? `use "${successor}"` : 'remove it', at: at(nodeSpan(property.value)), fixes });
      continue;
    }
    found.push({ ...match, product: 'dockerd', what: `"${property.key}"`, advice: match.entry.successor ? `use "${match.entry.successor}"` : 'remove it', at: at(property.keySpan), fixes: () => keyFixes(host, file, property, match) });
  }
  return found;
}

function keyFixes(host: DaemonHost, file: DaemonJsonFile, property: JsonProperty, match: LifecycleMatch): FixProposal[] {
  const successor = match.entry.successor;
  const alreadySet = successor !== undefined && host.config.has(successor);
  if (successor && !alreadySet) {
    if (optionByKey(successor)?.schema.type === 'array') {
      // The single form became a list: `"host-gateway-ip": "a"` → `"host-gateway-ips": ["a"]`.
      if (property.value.type !== 'string') return [];
      const value = file.text.slice(property.value.offset, property.value.offset + property.value.length);
      return [{ title: `Replace with "${successor}": [${value}]`, safety: 'safe', edits: [...renameJsonKey(property.keySpan, successor), { offset: property.value.offset, length: property.value.length, content: `[${value}]` }] }];
    }
    // Safe only when the value means the same under the new name.
    const safety = validValue(successor, host.config.get(property.key)?.value) ? 'safe' : 'unsafe';
    return [{ title: `Rename to "${successor}"`, safety, edits: renameJsonKey(property.keySpan, successor) }];
  }
  const reason = alreadySet ? ` ("${successor}" is already set)` : '';
  return [{ title: `Remove "${property.key}"${reason}`, safety: removalSafety(property.key), edits: removeJsonValue(file.text, property.path) }];
}

/** Removing a key dockerd ignores changes nothing; removing one that had an effect needs a decision. */
function removalSafety(key: string): 'safe' | 'unsafe' {
  return optionByKey(key)?.file === 'ignored' ? 'safe' : 'unsafe';
}

function flagMatches(host: DaemonHost, dockerVersion: string): LifecycleFinding[] {
  const found: LifecycleFinding[] = [];
  for (const flag of host.command?.args.flags ?? []) {
    const value = flag.value?.text;
    const match = lifecycleOf(flag.spec.optionKey, value, dockerVersion, true);
    if (!match) continue;
    const origin = flagOrigin(flag);
    const remove = (title: string, safety: 'safe' | 'unsafe') => () => flagFix(host, origin, '', title, safety);
    if (match.entry.value !== undefined && flag.spec.optionKey === 'storage-opts') {
      const fixes = remove(`Remove ${flag.written} ${value} (it has no effect)`, 'safe');
      found.push({ ...match, product: 'dockerd', what: `The storage option "${match.entry.value}"`, advice: 'remove it', at: { file: flag.file, span: flag.valueSpan ?? flag.span }, fixes });
    } else if (match.entry.value !== undefined) {
      const successor = match.entry.successor;
      const setting = host.config.all(flag.spec.optionKey).find((s) => s.origin.type === 'flag' && s.origin.span.start === flag.span.start && s.origin.file === flag.file);
      const fixes = () => (successor && setting ? storageDriverFix(host, setting, successor) : []);
      found.push({ ...match, product: 'dockerd', what: `"${flag.written} ${value}"`, advice: successor ? `use "${successor}"` : 'remove it', at: { file: flag.file, span: flag.valueSpan ?? flag.span }, fixes });
    } else {
      const successorFlag = match.entry.successor && longFlag(match.entry.successor);
      const successor = match.entry.successor;
      // With the successor already set, renaming would give it twice (DG202 or a second flag): remove instead.
      const alreadySet = successor !== undefined && host.config.has(successor);
      const fixes = successorFlag && !alreadySet
        ? () => renameFlagFix(host, flag, successor!, successorFlag)
        : remove(`Remove ${flag.written}${alreadySet ? ` ("${successor}" is already set)` : ''}`, removalSafety(flag.spec.optionKey));
      found.push({ ...match, product: 'dockerd', what: `The flag ${flag.written}`, advice: successorFlag ? `use ${successorFlag}` : 'remove it', at: { file: flag.file, span: flag.nameSpan }, fixes });
    }
  }
  return found;
}

function longFlag(key: string): string | undefined {
  return optionByKey(key)?.flags.find((f) => f.startsWith('--'));
}

/**
 * `--graph=/x` → `--data-root=/x`, `-g /x` → `--data-root /x`: only the name changes. Safe when the
 * value means the same for the successor; a shorthand combined with others (`-Dg /x`) is left alone.
 */
function renameFlagFix(host: DaemonHost, flag: ParsedFlag, successor: string, successorFlag: string): FixProposal[] {
  const text = hostFileText(host, flag.file);
  if (text === undefined || text[flag.nameSpan.start] !== '-' || flag.nameSpan.start !== flag.span.start) return [];
  const rest = text.slice(flag.nameSpan.end, flag.span.end);
  const replacement = `${successorFlag}${flag.attach === 'glued' ? '=' : ''}${rest}`;
  const safe = validValue(successor, flagJsonValue({ ...flag, spec: { ...flag.spec, key: successor } }));
  return flagFix(host, flagOrigin(flag), replacement, `Rename ${flag.written} to ${successorFlag}`, safe ? 'safe' : 'unsafe');
}

/** `docker daemon` and `docker -d`: the client no longer starts the daemon; dockerd does. */
function commandMatches(host: DaemonHost, dockerVersion: string): LifecycleFinding[] {
  const command = host.command;
  const legacy = command?.legacy;
  const match = legacy && legacyCommandOf(legacy.word, dockerVersion);
  if (!command || !legacy || !match) return [];
  const dockerd = `${legacy.path.slice(0, legacy.path.lastIndexOf('/') + 1)}dockerd`;
  const written = `${legacy.path} ${legacy.word}`;
  // The client and its word are edited as a flag is, so a vendor unit's fix goes to the drop-in.
  const origin = { type: 'flag' as const, file: command.file, flag: written, nameSpan: legacy.span, span: legacy.span };
  const entry = { key: written, deprecatedIn: match.entry.deprecatedIn, removedIn: match.entry.removedIn, note: match.entry.note };
  return [{
    entry,
    status: match.status,
    product: 'Docker',
    what: `Starting the daemon with "${written}"`,
    advice: `run ${dockerd}`,
    at: { file: command.file, span: legacy.span },
    // dockerd may live elsewhere on that host: the fix is the user's to confirm.
    fixes: () => flagFix(host, origin, dockerd, `Run ${dockerd} instead of "${written}" (check that dockerd is installed there)`, 'unsafe'),
  }];
}

/** dockerd keeps the last of duplicate keys; the earlier ones are DG004's. */
function lastOfEachKey(properties: JsonProperty[]): JsonProperty[] {
  const last = new Map(properties.map((p) => [p.key, p]));
  return properties.filter((p) => last.get(p.key) === p);
}
