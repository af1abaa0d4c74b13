/**
 * A systemd-kind file → its model: a unit or drop-in (sections and directives) or an environment
 * file (`/etc/default/docker`, `/etc/sysconfig/docker`). Whether the file is Docker's is decided
 * here from its name and, for other units, from whether its ExecStart runs dockerd: rules never
 * judge nginx.service.
 */
import type { Span } from '../../engine/types';
import { parseEnvFile, type EnvFile } from './env-file';
import { parseUnit, type UnitFile } from './unit';
import { splitWords } from './words';

export type SystemdRole = 'unit' | 'drop-in' | 'env-file';

export interface SystemdFile {
  kind: 'systemd';
  path: string;
  text: string;
  role: SystemdRole;
  /** The unit the file configures: `docker.service` for the unit and for `docker.service.d/*.conf`. */
  unitName?: string;
  unit?: UnitFile;
  env?: EnvFile;
  /** Decode problems and unbalanced quotes in an environment file (DG001). */
  syntaxErrors: { span: Span; message: string }[];
  /** Docker's own file: rules judge only these. The workspace also marks drop-ins of a dockerd unit. */
  docker: boolean;
}

const ENV_FILE = /(^|\/)etc\/(default|sysconfig)\/docker$/;
const DROP_IN = /(^|\/)([^/]+\.(?:service|socket))\.d\/[^/]+\.conf$/;
const UNIT = /(^|\/)([^/]+\.(?:service|socket))(?:\.rpm)?$/;

/** The role a path plays, or undefined when it is not a systemd-kind file. */
export function systemdRoleOf(path: string): { role: SystemdRole; unitName?: string } | undefined {
  const normalized = path.replace(/\\/g, '/');
  if (ENV_FILE.test(normalized)) return { role: 'env-file' };
  const dropIn = DROP_IN.exec(normalized);
  if (dropIn) return { role: 'drop-in', unitName: dropIn[2] };
  const unit = UNIT.exec(normalized);
  if (unit) return { role: 'unit', unitName: unit[2] };
  return undefined;
}

const DOCKER_UNITS = new Set(['docker.service', 'docker.socket']);

export function parseSystemd(path: string, text: string): SystemdFile {
  const role = systemdRoleOf(path) ?? { role: 'unit' as const };
  const file: SystemdFile = { kind: 'systemd', path, text, role: role.role, unitName: role.unitName, syntaxErrors: [], docker: false };
  if (role.role === 'env-file') {
    file.env = parseEnvFile(path, text);
    file.syntaxErrors.push(...file.env.problems);
    file.docker = true;
    return file;
  }
  file.unit = parseUnit(path, text);
  file.docker = (role.unitName !== undefined && DOCKER_UNITS.has(role.unitName)) || runsDockerd(file.unit);
  return file;
}

/** True when an ExecStart= of the unit starts the Docker daemon (`dockerd`, or the old `docker daemon`/`docker -d`). */
export function runsDockerd(unit: UnitFile): boolean {
  return unit.directives.some((d) => d.section === 'Service' && d.name === 'ExecStart' && dockerdCommandStart(splitWords(d.value).map((w) => w.text.text)) !== undefined);
}

/** `@ - : + ! !!` in any combination before the executable. */
export const COMMAND_PREFIX = /^[@\-:+!]+/;

/**
 * Index of the first dockerd argument in a command's words, or undefined when the command does
 * not start dockerd. Handles the prefixes and the `@` form, where the word after the path is argv[0].
 */
export function dockerdCommandStart(words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  const prefix = COMMAND_PREFIX.exec(words[0])?.[0] ?? '';
  const executable = words[0].slice(prefix.length);
  const next = prefix.includes('@') ? 2 : 1;
  const base = executable.slice(executable.lastIndexOf('/') + 1);
  if (base === 'dockerd') return next;
  if (base === 'docker' && (words[next] === 'daemon' || words[next] === '-d')) return next + 1;
  return undefined;
}
