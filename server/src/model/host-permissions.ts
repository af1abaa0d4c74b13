/**
 * Owner, group and mode against what CIS section 3 asks of a path, and the command that removes
 * exactly the excess: only the permission bits beyond the wanted mode (`chmod go-w`: a 0600 file
 * stays 0600) and only a wrong owner. The command names the file below the root (with `--root`, the
 * host's `/etc` is not the running machine's) and the link's target, as chmod and chown follow it.
 */
import type { Report, RuleContext } from '../engine/rule';
import type { FixProposal } from '../engine/types';
import type { PathFact } from '../formats/host-facts/parse';
import type { HostMetadata } from './host-metadata';

export interface Wanted {
  group: 'root' | 'docker';
  /** The loosest mode allowed (`0o644`). */
  mode: number;
}

export interface PermissionProblem {
  /** `alice:root, mode 0664`. */
  actual: string;
  /** `root:root, mode 644`. */
  wanted: string;
  /** `chown root:root '/x/etc/docker/daemon.json' && chmod go-w '/x/etc/docker/daemon.json'`. */
  command: string;
}

const CLASSES = [
  { who: 'u', shift: 6, special: 0o4000, letter: 's' },
  { who: 'g', shift: 3, special: 0o2000, letter: 's' },
  { who: 'o', shift: 0, special: 0o1000, letter: 't' },
];

/** `chmod`'s symbolic form removing `excess`: classes with the same letters together (`go-w,u-x`). */
export function chmodRemoving(excess: number): string {
  const byLetters = new Map<string, string>();
  for (const { who, shift, special, letter } of CLASSES) {
    const bits = (excess >> shift) & 7;
    const letters = `${bits & 4 ? 'r' : ''}${bits & 2 ? 'w' : ''}${bits & 1 ? 'x' : ''}${excess & special ? letter : ''}`;
    if (letters) byLetters.set(letters, (byLetters.get(letters) ?? '') + who);
  }
  return [...byLetters].map(([letters, who]) => `${who}-${letters}`).join(',');
}

export function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

/** The name of a uid or gid in the root's own account files, or the number and that it has none. */
function userName(host: HostMetadata, uid: number): string {
  return host.passwd?.entries.find((e) => e.uid === uid)?.name ?? `${uid} (no such user in /etc/passwd)`;
}

function groupName(host: HostMetadata, gid: number): string {
  return host.group?.entries.find((e) => e.gid === gid)?.name ?? `${gid} (no such group in /etc/group)`;
}

export function dockerGid(host: HostMetadata): number | undefined {
  return host.group?.entries.find((e) => e.name === 'docker')?.gid;
}

/** What is wrong with a path's owner and mode, if anything; a path that is not there has no problem here. */
export function permissionProblem(host: HostMetadata, fact: PathFact, wanted: Wanted): PermissionProblem | undefined {
  if (fact.uid === undefined || fact.gid === undefined || fact.mode === undefined) return undefined;
  const gid = wanted.group === 'root' ? 0 : dockerGid(host);
  const ownerWrong = fact.uid !== 0 || fact.gid !== gid;
  const excess = fact.mode & ~wanted.mode & 0o7777;
  if (!ownerWrong && excess === 0) return undefined;
  const file = shellQuote(host.fileOf(fact.target ?? fact.path));
  const commands = [...(ownerWrong ? [`chown root:${wanted.group} ${file}`] : []), ...(excess ? [`chmod ${chmodRemoving(excess)} ${file}`] : [])];
  return {
    actual: `${userName(host, fact.uid)}:${groupName(host, fact.gid)}, mode ${octal(fact.mode)}`,
    wanted: `root:${wanted.group}, mode ${wanted.mode.toString(8)}`,
    command: commands.join(' && '),
  };
}

/** How a path reads in a message: `/var/run/docker.sock (→ /run/docker.sock)` for a link. */
export function describePath(fact: PathFact): string {
  return fact.target ? `${fact.path} (→ ${fact.target})` : fact.path;
}

/** The display-only fix that shows the command; host mode never runs it. */
export function commandFix(command: string): FixProposal {
  return { title: `Run: ${command}`, safety: 'display-only', edits: [] };
}

/** Report a path whose owner or mode is looser than wanted, at the start of its file. */
export function reportPermissions(context: RuleContext, host: HostMetadata, path: string, wanted: Wanted, report: Partial<Report> = {}): void {
  const fact = host.facts.get(path);
  const problem = fact && permissionProblem(host, fact, wanted);
  if (!fact || !problem) return;
  context.report({
    messageId: 'permissions',
    data: { path: describePath(fact), actual: problem.actual, wanted: problem.wanted },
    at: host.at(path),
    fixes: [commandFix(problem.command)],
    ...report,
  });
}
