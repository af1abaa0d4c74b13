/** Host paths whose mount into a container hands it the host (CIS 5.6), and Docker's API socket. */
import { normalizeHostPath, type Mount } from '../../model/compose/mounts';

/** CIS 5.6's sensitive host directories, mounted whole. */
export const SENSITIVE_HOST_PATHS: ReadonlySet<string> = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr']);

/**
 * How a mount exposes Docker's API socket: 'socket' for the socket itself (`/var/run/docker.sock`,
 * `/run/docker.sock`, a rootless `$XDG_RUNTIME_DIR/docker.sock`), 'folder' for the folder holding
 * it (`/run`, `/var/run`, a symlink to `/run` the bind resolves on the host).
 */
export function dockerSocketExposure(mount: Mount): 'socket' | 'folder' | undefined {
  if (mount.type !== 'bind' || mount.source === undefined) return undefined;
  const source = normalizeHostPath(mount.source);
  if (source === '/var/run/docker.sock' || source === '/run/docker.sock' || source.endsWith('/docker.sock')) return 'socket';
  return source === '/run' || source === '/var/run' ? 'folder' : undefined;
}
