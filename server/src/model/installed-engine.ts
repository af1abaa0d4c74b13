/**
 * The Docker engine dpkg says is installed, and how its release line stands in the lifecycle table.
 * Only `Status: install ok installed` counts: a package removed with its conffiles kept
 * (`deinstall ok config-files`) or half-installed runs no daemon that dpkg vouches for.
 */
import type { DpkgPackage } from '../formats/host-facts/dpkg-status';
import { compareUpstream, parseDpkgVersion, type DpkgVersion } from './dpkg-version';
import { ENGINE_LINES, engineLineOf, fixesStopped, type EngineLine } from './engine-lifecycle';
import type { HostMetadata } from './host-metadata';

/**
 * The packages that install dockerd: Docker's (docker-ce; docker-engine before 17.03), Debian's and
 * Ubuntu's (docker.io), Microsoft's (moby-engine).
 */
export const ENGINE_PACKAGES: ReadonlySet<string> = new Set(['docker-ce', 'docker-engine', 'docker.io', 'moby-engine']);

export interface InstalledEngine {
  package: DpkgPackage & { version: NonNullable<DpkgPackage['version']> };
  version: DpkgVersion;
}

export function installedEngines(host: HostMetadata): InstalledEngine[] {
  return (host.packages?.entries ?? []).flatMap((p) => {
    if (!ENGINE_PACKAGES.has(p.name) || p.status !== 'install ok installed' || !p.version) return [];
    const version = parseDpkgVersion(p.version.text);
    return version ? [{ package: { ...p, version: p.version }, version }] : [];
  });
}

export type EngineStanding =
  | { kind: 'unmaintained'; line: EngineLine; stopped: { date: string; expected: boolean } }
  | { kind: 'behind'; line: EngineLine & { last: NonNullable<EngineLine['last']> } }
  | { kind: 'unknown' }
  | { kind: 'current'; line: EngineLine };

/**
 * How an upstream version stands on `today` (`YYYY-MM-DD`): on a line that stopped getting fixes;
 * on a maintained line but older than its newest release (fixes go to the newest only); on a line
 * the table does not know (newer than it); or current.
 */
export function standing(upstream: string, today: string): EngineStanding {
  const line = engineLineOf(upstream);
  if (!line) return { kind: 'unknown' };
  const stopped = fixesStopped(line, today);
  if (stopped) return { kind: 'unmaintained', line, stopped };
  if (line.last && compareUpstream(upstream, line.last.version) < 0) return { kind: 'behind', line: { ...line, last: line.last } };
  return { kind: 'current', line };
}

/** The lines still getting fixes on `today`, with their newest release: what to upgrade to. */
export function maintainedLines(today: string): string {
  return ENGINE_LINES.filter((line) => !fixesStopped(line, today))
    .map((line) => (line.last ? `${line.branch} (${line.last.version})` : line.branch))
    .join(', ');
}
