/**
 * Options and values that dockerd deprecated or removed (reference §1.7), as daemon.json keys and as
 * flags, and the old client commands that started the daemon. Whether one is *removed* (DG005:
 * dockerd won't start) or only *deprecated* (DG006) depends on the `dockerVersion` judged. Rules
 * about the setting itself (DG106 aufs, DG117 api-cors-header) ask `isRemoved` and stay silent when
 * DG005 already reports the cause.
 */
import { compareVersions } from '../engine/types';
import type { FlagValueKind } from './daemon-options';

export interface Lifecycle {
  /** The daemon.json key. */
  key: string;
  /** For a value-level entry (`storage-driver: aufs`), the value; absent for the key itself. */
  value?: string;
  deprecatedIn: string;
  removedIn?: string;
  /** What to use instead: a key (`data-root`) or a value (`overlay2`). */
  successor?: string;
  /** Why the setting mattered, said in DG005's message (one finding per cause). */
  note: string;
  /**
   * For a removed key, the dockerd flags that set it (long first, then the shorthand) and how their
   * value is read: the option table no longer has them, so the flag parser learns them here.
   */
  flags?: readonly string[];
  flagValue?: FlagValueKind;
  /** When the flag went before the key did (`--allow-nondistributable-artifacts`: 29.0, the key stays). */
  flagRemovedIn?: string;
}

export const LIFECYCLE: readonly Lifecycle[] = [
  { key: 'graph', deprecatedIn: '17.05', removedIn: '23.0', successor: 'data-root', note: 'it set where images and containers are stored', flags: ['--graph', '-g'], flagValue: 'string' },
  { key: 'cluster-store', deprecatedIn: '20.10', removedIn: '23.0', note: 'legacy overlay networking used an external key-value store; use Swarm mode', flags: ['--cluster-store'], flagValue: 'string' },
  { key: 'cluster-advertise', deprecatedIn: '20.10', removedIn: '23.0', note: 'legacy overlay networking used an external key-value store; use Swarm mode', flags: ['--cluster-advertise'], flagValue: 'string' },
  { key: 'cluster-store-opts', deprecatedIn: '20.10', removedIn: '23.0', note: 'legacy overlay networking used an external key-value store; use Swarm mode', flags: ['--cluster-store-opt'], flagValue: 'map' },
  { key: 'disable-legacy-registry', deprecatedIn: '17.12', removedIn: '19.03', note: 'the v1 registry protocol it disabled no longer exists', flags: ['--disable-legacy-registry'], flagValue: 'bool' },
  { key: 'oom-score-adjust', deprecatedIn: '24.0', removedIn: '25.0', note: "set the daemon's OOM score with systemd's OOMScoreAdjust= instead", flags: ['--oom-score-adjust'], flagValue: 'int' },
  { key: 'api-cors-header', deprecatedIn: '27.0', removedIn: '28.0', note: 'it let web pages on other origins call the Docker API (a "*" value let any page drive the daemon)', flags: ['--api-cors-header'], flagValue: 'string' },
  { key: 'allow-nondistributable-artifacts', deprecatedIn: '28.0', note: 'it has no effect since 28.0', flags: ['--allow-nondistributable-artifacts'], flagValue: 'list', flagRemovedIn: '29.0' },
  { key: 'host-gateway-ip', deprecatedIn: '28.0', successor: 'host-gateway-ips', note: 'the single-address form became a list' },
  { key: 'restart', deprecatedIn: '1.10', note: 'use a restart policy per container' },
  { key: 'storage-driver', value: 'aufs', deprecatedIn: '19.03', removedIn: '24.0', successor: 'overlay2', note: 'aufs was an unmaintained out-of-tree filesystem, which CIS 2.6 rules out' },
  { key: 'storage-driver', value: 'overlay', deprecatedIn: '18.09', removedIn: '24.0', successor: 'overlay2', note: 'the legacy overlay driver exhausted inodes and was superseded by overlay2' },
  { key: 'storage-driver', value: 'devicemapper', deprecatedIn: '18.09', removedIn: '25.0', successor: 'overlay2', note: 'devicemapper was unmaintained and needed an LVM thin pool; overlay2 superseded it' },
  { key: 'storage-opts', value: 'overlay2.override_kernel_check', deprecatedIn: '19.03', removedIn: '24.0', note: 'overlay2 no longer checks the kernel version' },
];

const LIFECYCLE_KEYS: ReadonlySet<string> = new Set(LIFECYCLE.map((e) => e.key));

export type LifecycleStatus = 'removed' | 'deprecated';

export interface LifecycleMatch {
  entry: Lifecycle;
  status: LifecycleStatus;
}

/**
 * The lifecycle entry for a key (and, for value-level entries, a value), judged at `dockerVersion`;
 * `asFlag` judges the key's flag, which may have gone earlier (`flagRemovedIn`).
 */
export function lifecycleOf(key: string, value: unknown, dockerVersion: string, asFlag = false): LifecycleMatch | undefined {
  if (!LIFECYCLE_KEYS.has(key)) return undefined; // the common case, checked on every key of every keystroke
  const entry = LIFECYCLE.find((e) => e.key === key && (e.value === undefined || matchesValue(e.value, value)));
  if (!entry) return undefined;
  const removedIn = (asFlag ? entry.flagRemovedIn : undefined) ?? entry.removedIn;
  const status = judge(entry.deprecatedIn, removedIn, dockerVersion);
  return status && { entry: removedIn === entry.removedIn ? entry : { ...entry, removedIn }, status };
}

function judge(deprecatedIn: string, removedIn: string | undefined, dockerVersion: string): LifecycleStatus | undefined {
  if (compareVersions(dockerVersion, deprecatedIn) < 0) return undefined;
  return removedIn !== undefined && compareVersions(dockerVersion, removedIn) >= 0 ? 'removed' : 'deprecated';
}

/** The old ways to start the daemon through the docker client (docker/cli docs/deprecated.md). */
export interface LegacyCommand {
  /** As the unit writes it after the client's path: `daemon`, `-d`. */
  word: string;
  deprecatedIn: string;
  removedIn: string;
  note: string;
}

export const LEGACY_COMMANDS: readonly LegacyCommand[] = [
  { word: '-d', deprecatedIn: '1.8', removedIn: '1.10', note: 'the daemon became the "docker daemon" subcommand in 1.8 and its own binary, dockerd, in 1.12' },
  { word: 'daemon', deprecatedIn: '1.13', removedIn: '17.12', note: 'the daemon has been its own binary, dockerd, since 1.12' },
];

/** `docker -d` / `docker daemon`, judged at `dockerVersion`. */
export function legacyCommandOf(word: string, dockerVersion: string): { entry: LegacyCommand; status: LifecycleStatus } | undefined {
  const entry = LEGACY_COMMANDS.find((e) => e.word === word);
  const status = entry && judge(entry.deprecatedIn, entry.removedIn, dockerVersion);
  return entry && status ? { entry, status } : undefined;
}

/** Is the key or value removed at `dockerVersion`? Specific rules stay silent when it is (DG005 reports it). */
export function isRemoved(key: string, value: unknown, dockerVersion: string): boolean {
  return lifecycleOf(key, value, dockerVersion)?.status === 'removed';
}

function matchesValue(expected: string, actual: unknown): boolean {
  if (typeof actual !== 'string') return false;
  // storage-opts entries are `name=value`: match on the name.
  return actual === expected || actual.split('=')[0].trim() === expected;
}
