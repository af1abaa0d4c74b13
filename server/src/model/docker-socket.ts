/**
 * docker.socket as systemd loads it (the unit and its `docker.socket.d/*.conf` drop-ins, merged as
 * for a service) and the defaults systemd gives what it leaves out (systemd.socket(5)).
 */
import type { SystemdFile } from '../formats/systemd/parse';
import { lastEntry, listEntries, sectionEntries, stackFiles, unitStack, type UnitEntry, type UnitStack } from './unit-stack';

const SOCKET_UNIT = 'docker.socket';

export interface DockerSocket extends UnitStack {
  /** The [Socket] directives in the order systemd reads them. */
  entries: UnitEntry[];
  /** The ListenStream= entries left after the empty resets. */
  listenStreams: UnitEntry[];
}

/** The docker.socket of one host root's systemd files, when they hold any of its files. */
export function buildSocket(files: readonly SystemdFile[]): DockerSocket | undefined {
  const stack = unitStack(SOCKET_UNIT, files);
  if (stackFiles(stack).length === 0) return undefined;
  const entries = sectionEntries(stack, 'Socket');
  return { ...stack, entries, listenStreams: listEntries(entries, 'ListenStream') };
}

/** The last assignment of a single-value [Socket] directive (an empty one stands for the default). */
export function socketSetting(socket: DockerSocket, name: string): UnitEntry | undefined {
  return lastEntry(socket.entries, name);
}

/** The socket file's owner and group: SocketUser=/SocketGroup=, root when unset or reset (systemd.socket(5)). */
export function socketOwnership(socket: DockerSocket): { user: string; group: string } {
  const value = (name: string) => {
    const entry = socketSetting(socket, name);
    return entry && !entry.directive.empty ? entry.directive.value.text : 'root';
  };
  return { user: value('SocketUser'), group: value('SocketGroup') };
}

/** A ListenStream= value that is a file system socket (SocketMode= applies to these only). */
export function isPathListener(value: string): boolean {
  return value.startsWith('/');
}
