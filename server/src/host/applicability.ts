/**
 * Whether a CIS check applies to a host, for the report's "not applicable" column: a rule that
 * reports nothing passes only where there was something to judge (a socket on a running host, a
 * mount table, TLS files …). The DG5xx rules stay silent where this says no.
 */
import type { DaemonHost } from '../model/host';
import { CERTS_D, containerdSocket, dockerSockets, tlsFiles, type HostMetadata } from '../model/host-metadata';
import type { RuleMeta } from '../engine/rule';
import { installedEngines } from '../model/installed-engine';

const HOST_CHECKS: Record<string, (host: HostMetadata, daemon: DaemonHost) => boolean> = {
  DG501: (host) => host.mounts !== undefined,
  DG502: (host) => host.group?.entries.some((e) => e.name === 'docker') === true,
  DG503: (_, daemon) => daemon.service !== undefined || daemon.socket !== undefined,
  DG504: (host) => host.facts.get('/etc/docker')?.type === 'directory',
  DG505: (host) => [...host.facts.values()].some((f) => f.path.startsWith(`${CERTS_D}/`) && f.type === 'file'),
  DG506: (_, daemon) => tlsFiles(daemon).length > 0,
  DG507: (host, daemon) => dockerSockets(daemon).some((s) => host.facts.get(s.path)?.type === 'socket'),
  DG508: (host, daemon) => host.facts.get(host.hostPathOf(daemon.configFile))?.type === 'file',
  DG509: (host) => ['/etc/default/docker', '/etc/sysconfig/docker'].some((p) => host.facts.get(p)?.type === 'file'),
  DG510: (host, daemon) => host.facts.get(containerdSocket(daemon).path)?.type === 'socket',
  DG511: (host) => installedEngines(host).length > 0,
};

/** Every other rule judges the daemon's configuration, so it applies wherever there is one. */
export function applies(meta: RuleMeta, host: HostMetadata | undefined): boolean {
  const daemon = host?.daemon;
  if (!host || !daemon) return false;
  return HOST_CHECKS[meta.id]?.(host, daemon) ?? true;
}
