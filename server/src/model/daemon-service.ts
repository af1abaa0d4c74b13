/**
 * docker.service as systemd sees it: the unit with the highest precedence, then its drop-ins in
 * file-name order (reference §3.3), `ExecStart=` lists with their empty resets, Environment= and
 * EnvironmentFile= resolved against the host root, and the dockerd command of the effective ExecStart.
 */
import type { Span } from '../engine/types';
import { parseDockerdArguments, type DockerdArguments } from '../formats/systemd/dockerd-flags';
import { envValue } from '../formats/systemd/env-file';
import { DOCKERD_FLAGS } from './flag-table';
import { spanOf, type LocatedText } from '../formats/systemd/located';
import { dockerdExec, type SystemdFile } from '../formats/systemd/parse';
import { expandWords, splitWords, type VariableValue } from '../formats/systemd/words';
import { listEntries, sectionEntries, unitStack, type UnitEntry, type UnitStack } from './unit-stack';

export interface DockerdCommand {
  /** The file and directive holding the command (for DOCKER_OPTS: the env file's assignment). */
  file: string;
  /** The executable word (`/usr/bin/dockerd`), where a host-level finding is anchored. */
  executable: Span;
  args: DockerdArguments;
  /** `$VAR`s from an EnvironmentFile that is not in the workspace (DG206). */
  hidden: { file: string; name: string; span: Span; envFile: string }[];
  /** Started through `dockerd-rootless.sh`: the daemon runs as an unprivileged user. */
  rootless?: boolean;
  /**
   * The daemon started through the client (`docker daemon`, `docker -d`): the word after the
   * client, and the path of the client and that word (what running dockerd replaces).
   */
  legacy?: { word: string; path: string; span: Span };
}

export interface DaemonService extends UnitStack {
  /** The ExecStart= commands left after the resets; systemd refuses more than one for Type=notify. */
  execStarts: UnitEntry[];
  command?: DockerdCommand;
  /** Environment files the service reads that the workspace holds. */
  envFiles: SystemdFile[];
}

/** The files a service's EnvironmentFile= lines name, in order (a leading `-` only makes one optional). */
export function environmentFilePaths(stack: UnitStack): string[] {
  return listEntries(sectionEntries(stack, 'Service'), 'EnvironmentFile').map(({ directive }) => directive.value.text.replace(/^-/, ''));
}

/** Every file feeding one service; `files` are the systemd files of one host root. */
export function buildService(name: string, files: readonly SystemdFile[], root: string): DaemonService {
  const stack = unitStack(name, files);
  const entries = sectionEntries(stack, 'Service');
  const list = (directiveName: string) => listEntries(entries, directiveName);
  const service: DaemonService = { ...stack, execStarts: list('ExecStart'), envFiles: [] };
  const environment = new Map<string, LocatedText>();
  for (const { directive } of list('Environment')) {
    for (const word of splitWords(directive.value)) {
      const equals = word.text.text.indexOf('=');
      if (equals > 0) environment.set(word.text.text.slice(0, equals), { file: word.text.file, text: word.text.text.slice(equals + 1), offsets: word.text.offsets.slice(equals + 1) });
    }
  }
  const missingEnvFiles: string[] = [];
  for (const path of environmentFilePaths(stack)) {
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

function commandOf({ file, directive }: UnitEntry, lookup: (name: string) => VariableValue, envFile: string): DockerdCommand | undefined {
  const exec = dockerdExec(directive);
  if (!exec) return undefined;
  const expansion = exec.expands ? expandWords(exec.args, lookup) : { words: exec.args, hidden: [] };
  const client = exec.words[0].text;
  const legacy = exec.legacyWord ? { word: exec.legacyWord.text.text, path: client.text.slice(exec.prefix.length), span: { start: spanOf(client, exec.prefix.length).start, end: exec.legacyWord.span.end } } : undefined;
  return {
    file: file.path,
    executable: exec.words[0].span,
    args: parseDockerdArguments(expansion.words, DOCKERD_FLAGS),
    hidden: expansion.hidden.map((h) => ({ file: file.path, name: h.name, span: h.span, envFile })),
    rootless: exec.rootless,
    legacy,
  };
}

/** The flags of an env file's `DOCKER_OPTS=`/`OPTIONS=`, for a host whose unit does not read it (sysvinit). */
export function envFileCommand(file: SystemdFile): DockerdCommand | undefined {
  const assignment = file.env && (envValue(file.env, 'DOCKER_OPTS') ?? envValue(file.env, 'OPTIONS'));
  if (!assignment) return undefined;
  return { file: file.path, executable: assignment.nameSpan, args: parseDockerdArguments(splitWords(assignment.value), DOCKERD_FLAGS), hidden: [] };
}
