/** Host paths whose mount into a container hands it the host (CIS 5.6), and Docker's API socket. */
import { normalizeHostPath, type Mount } from '../../model/compose/mounts';

/** CIS 5.6's sensitive host directories, mounted whole. */
export const SENSITIVE_HOST_PATHS: ReadonlySet<string> = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr']);

/** True for a mount of Docker's API socket: `/var/run/docker.sock`, `/run/docker.sock`, a rootless `$XDG_RUNTIME_DIR/docker.sock`. */
export function mountsDockerSocket(mount: Mount): boolean {
  if (mount.type !== 'bind' || mount.source === undefined) return false;
  const source = normalizeHostPath(mount.source);
  return source === '/var/run/docker.sock' || source === '/run/docker.sock' || source.endsWith('/docker.sock');
}
