/** Which kind of file a path is, from its name and folder, as the CLI's folder walk and the server see it. */
import type { FileKind } from './types';
import { systemdRoleOf } from '../formats/systemd/parse';

const DAEMON_JSON = /(^|\/)([^/]*[.-])?daemon([.-][^/]*)?\.json$/i;

export function kindOfPath(path: string): FileKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  if (DAEMON_JSON.test(normalized)) return 'daemon-json';
  if (systemdRoleOf(normalized)) return 'systemd';
  return undefined;
}
