/**
 * A systemd-kind file → its model: a unit or drop-in (sections and directives) or an environment
 * file (`/etc/default/docker`, `/etc/sysconfig/docker`). Whether the file is Docker's is decided
 * here from its name and, for other units, from whether its ExecStart runs dockerd: rules never
 * judge nginx.service.
 */
import type { Span } from '../../engine/types';
import { parseEnvFile, type EnvFile } from './env-file';
import { parseUnit, type UnitDirective, type UnitFile } from './unit';
import { splitWords, type Word } from './words';

export type SystemdRole = 'unit' | 'drop-in' | 'env-file';

export interface SystemdFile {
  kind: 'systemd';
  path: string;
  text: string;
  role: SystemdRole;
  /**
   * The unit the file configures: `docker.service` for the unit and for `docker.service.d/*.conf`;
   * the unit type (`service`) for a top-level `service.d/*.conf`, which systemd applies to every unit of it.
   */
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
/** A top-level drop-in of a unit folder (`/etc/systemd/system/service.d/x.conf`). */
const TYPE_DROP_IN = /(^|\/)systemd\/[^/]+\/(service|socket)\.d\/[^/]+\.conf$/;
const UNIT = /(^|\/)([^/]+\.(?:service|socket))(?:\.rpm)?$/;

/** The role a path plays, or undefined when it is not a systemd-kind file. */
export function systemdRoleOf(path: string): { role: SystemdRole; unitName?: string } | undefined {
  const normalized = path.replace(/\\/g, '/');
  if (ENV_FILE.test(normalized)) return { role: 'env-file' };
  const dropIn = DROP_IN.exec(normalized);
  if (dropIn) return { role: 'drop-in', unitName: dropIn[2] };
  const typeDropIn = TYPE_DROP_IN.exec(normalized);
  if (typeDropIn) return { role: 'drop-in', unitName: typeDropIn[2] };
  const unit = UNIT.exec(normalized);
  if (unit) return { role: 'unit', unitName: unit[2] };
  return undefined;
}

const DOCKER_UNITS = new Set(['docker.service', 'docker.socket']);

/**
 * A file named by no unit-like name (`/etc/docker/env`, which a unit's EnvironmentFile= names and host
 * mode reads as this kind) is an environment file unless it has a section header, as a unit must.
 */
function roleOf(path: string, text: string): { role: SystemdRole; unitName?: string } {
  return systemdRoleOf(path) ?? (/^[ \t]*\[/m.test(text) ? { role: 'unit' } : { role: 'env-file' });
}

export function parseSystemd(path: string, text: string): SystemdFile {
  const role = roleOf(path, text);
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
  return unit.directives.some((d) => dockerdExec(d) !== undefined);
}

/** `@ - : + ! !!` in any combination before the executable. */
const COMMAND_PREFIX = /^[@\-:+!]+/;

/** An `ExecStart=` of a [Service] that starts dockerd, split into systemd's words. */
export interface DockerdExec {
  /** Every word of the command, the executable (with its prefixes) first. */
  words: Word[];
  /** dockerd's arguments: the words after the executable (and after `daemon`/`-d` of the old `docker` forms). */
  args: Word[];
  /** False when the `:` prefix turns off systemd's variable expansion. */
  expands: boolean;
  /** `dockerd-rootless.sh`: RootlessKit's wrapper, which passes its arguments to an unprivileged dockerd. */
  rootless: boolean;
  /** The `@ - : + !` prefixes written before the executable. */
  prefix: string;
  /** In the old client forms (`docker daemon`, `docker -d`), the word after the client. */
  legacyWord?: Word;
}

/**
 * The one reading of an ExecStart= as a dockerd command (the workspace's effective command, the
 * editor's hover and completion): undefined for another directive or a command that is not dockerd.
 * Handles the prefixes and the `@` form, where the word after the path is argv[0].
 */
export function dockerdExec(directive: UnitDirective): DockerdExec | undefined {
  if (directive.section !== 'Service' || directive.name !== 'ExecStart' || directive.empty) return undefined;
  const words = splitWords(directive.value);
  if (words.length === 0) return undefined;
  const first = words[0].text.text;
  const prefix = COMMAND_PREFIX.exec(first)?.[0] ?? '';
  const executable = first.slice(prefix.length);
  const next = prefix.includes('@') ? 2 : 1;
  const base = executable.slice(executable.lastIndexOf('/') + 1);
  const oldForm = base === 'docker' && (words[next]?.text.text === 'daemon' || words[next]?.text.text === '-d');
  const rootless = base === 'dockerd-rootless.sh';
  if (base !== 'dockerd' && !rootless && !oldForm) return undefined;
  return { words, args: words.slice(oldForm ? next + 1 : next), expands: !prefix.includes(':'), rootless, prefix, legacyWord: oldForm ? words[next] : undefined };
}
