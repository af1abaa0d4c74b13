/**
 * docker.service as systemd sees it: the unit with the highest precedence, then its drop-ins in
 * file-name order (reference §3.3), `ExecStart=` lists with their empty resets, Environment= and
 * EnvironmentFile= resolved against the host root, and the dockerd command of the effective ExecStart.
 */
import type { Span } from '../engine/types';
import { parseDockerdArguments, type DockerdArguments } from '../formats/systemd/dockerd-flags';
import { envValue } from '../formats/systemd/env-file';
import { DOCKERD_FLAGS } from '../formats/systemd/flag-table';
import type { LocatedText } from '../formats/systemd/located';
import { COMMAND_PREFIX, dockerdCommandStart, type SystemdFile } from '../formats/systemd/parse';
import type { UnitDirective } from '../formats/systemd/unit';
import { expandWords, splitWords, type VariableValue } from '../formats/systemd/words';

export interface ServiceDirective {
  file: SystemdFile;
  directive: UnitDirective;
}

export interface DockerdCommand {
  /** The file and directive holding the command (for DOCKER_OPTS: the env file's assignment). */
  file: string;
  /** The executable word (`/usr/bin/dockerd`), where a host-level finding is anchored. */
  executable: Span;
  args: DockerdArguments;
  /** `$VAR`s from an EnvironmentFile that is not in the workspace (DG206). */
  hidden: { file: string; name: string; span: Span; envFile: string }[];
}

export interface DaemonService {
  name: string;
  unit?: SystemdFile;
  dropIns: SystemdFile[];
  /** The ExecStart= commands left after the resets; systemd refuses more than one for Type=notify. */
  execStarts: ServiceDirective[];
  command?: DockerdCommand;
  /** Environment files the service reads that the workspace holds. */
  envFiles: SystemdFile[];
}

/** System unit folders, highest precedence first; anything else (a plain folder) ranks last. */
const PRECEDENCE = ['etc/systemd/system/', 'run/systemd/system/', 'usr/local/lib/systemd/system/', 'lib/systemd/system/', 'usr/lib/systemd/system/'];

function rank(path: string): number {
  const index = PRECEDENCE.findIndex((dir) => path.includes(dir));
  return index < 0 ? PRECEDENCE.length : index;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Every file feeding one service; `files` are the systemd files of one host root. */
export function buildService(name: string, files: readonly SystemdFile[], root: string): DaemonService {
  const units = files.filter((f) => f.role === 'unit' && f.unitName === name).sort((a, b) => rank(a.path) - rank(b.path));
  const unit = units[0];
  // A drop-in in a higher-precedence folder masks one of the same name elsewhere.
  const byName = new Map<string, SystemdFile>();
  for (const dropIn of files.filter((f) => f.role === 'drop-in' && f.unitName === name).sort((a, b) => rank(b.path) - rank(a.path))) byName.set(baseName(dropIn.path), dropIn);
  const dropIns = [...byName.values()].sort((a, b) => baseName(a.path).localeCompare(baseName(b.path)));
  const ordered = [...(unit ? [unit] : []), ...dropIns].flatMap((file) => (file.unit?.directives ?? []).filter((d) => d.section === 'Service').map((directive) => ({ file, directive })));
  const list = (directiveName: string) => {
    let current: ServiceDirective[] = [];
    for (const entry of ordered) {
      if (entry.directive.name !== directiveName) continue;
      current = entry.directive.empty ? [] : [...current, entry];
    }
    return current;
  };
  const service: DaemonService = { name, unit, dropIns, execStarts: list('ExecStart'), envFiles: [] };
  const environment = new Map<string, LocatedText>();
  for (const { directive } of list('Environment')) {
    for (const word of splitWords(directive.value)) {
      const equals = word.text.text.indexOf('=');
      if (equals > 0) environment.set(word.text.text.slice(0, equals), { file: word.text.file, text: word.text.text.slice(equals + 1), offsets: word.text.offsets.slice(equals + 1) });
    }
  }
  const missingEnvFiles: string[] = [];
  for (const { directive } of list('EnvironmentFile')) {
    const path = directive.value.text.replace(/^-/, '');
    const envFile = files.find((f) => f.role === 'env-file' && f.path === root + path.replace(/^\/+/, ''));
    if (envFile?.env) {
      service.envFiles.push(envFile);
      for (const assignment of envFile.env.assignments) environment.set(assignment.name, assignment.value);
    } else missingEnvFiles.push(path);
  }
  const last = service.execStarts[service.execStarts.length - 1];
  if (last) service.command = commandOf(last, (variable) => {
    const value = environment.get(variable);
    if (value) return { value };
    return missingEnvFiles.length > 0 ? { unknown: true, reason: 'hidden' } : { unknown: true, reason: 'unset' };
  }, missingEnvFiles[0] ?? '');
  return service;
}

function commandOf({ file, directive }: ServiceDirective, lookup: (name: string) => VariableValue, envFile: string): DockerdCommand | undefined {
  const words = splitWords(directive.value);
  const start = dockerdCommandStart(words.map((w) => w.text.text));
  if (start === undefined) return undefined;
  // The `:` prefix turns off variable expansion.
  const prefix = COMMAND_PREFIX.exec(words[0].text.text)?.[0] ?? '';
  const expansion = prefix.includes(':') ? { words: words.slice(start), hidden: [] } : expandWords(words.slice(start), lookup);
  return {
    file: file.path,
    executable: words[0].span,
    args: parseDockerdArguments(expansion.words, DOCKERD_FLAGS),
    hidden: expansion.hidden.map((h) => ({ file: file.path, name: h.name, span: h.span, envFile })),
  };
}

/** The flags of an env file's `DOCKER_OPTS=`/`OPTIONS=`, for a host whose unit does not read it (sysvinit). */
export function envFileCommand(file: SystemdFile): DockerdCommand | undefined {
  const assignment = file.env && (envValue(file.env, 'DOCKER_OPTS') ?? envValue(file.env, 'OPTIONS'));
  if (!assignment) return undefined;
  return { file: file.path, executable: assignment.nameSpan, args: parseDockerdArguments(splitWords(assignment.value), DOCKERD_FLAGS), hidden: [] };
}

/** The text of one of the service's files (unit, drop-in, env file), for edits. */
export function serviceFileText(service: DaemonService | undefined, envFiles: readonly SystemdFile[], path: string): string | undefined {
  const files = [...(service?.unit ? [service.unit] : []), ...(service?.dropIns ?? []), ...(service?.envFiles ?? []), ...envFiles];
  return files.find((f) => f.path === path)?.text;
}
