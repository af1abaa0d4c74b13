/**
 * Which syscall table a rule's names are looked up in. `-F arch=` before `-S` picks it (b64/b32 mean
 * the loading machine's 64- or 32-bit table, a machine name its own); without an arch auditctl uses
 * the loading machine's table, which dockguard cannot know, so a name counts as known when any
 * bundled table has it.
 */
import { closeMatches } from '../../engine/close-matches';
import { SYSCALL_TABLES } from './tables.generated';

export type Machine = keyof typeof SYSCALL_TABLES;
const MACHINES = Object.keys(SYSCALL_TABLES) as Machine[];

/** The tables a rule's `-S` names are judged against, and how a message names them. */
export interface SyscallScope {
  /** `b64`, `b32`, a machine name, or undefined for "no arch given". */
  arch?: string;
  /** The bundled tables that apply; empty when the arch's table is not bundled (names are not checked). */
  machines: readonly Machine[];
}

export const ANY_ARCH: SyscallScope = { machines: MACHINES };

/** auditctl's machine names (lib/machinetab.h) → the bundled table, or null when not bundled. */
const MACHINE_NAMES: Record<string, Machine | null> = {
  i386: 'i386', i486: 'i386', i586: 'i386', i686: 'i386', x86_64: 'x86_64',
  aarch64: 'aarch64', armv8l: 'aarch64',
  arm: 'arm', armeb: 'arm', armv5tejl: 'arm', armv5tel: 'arm', armv6l: 'arm', armv7l: 'arm',
  ppc64: null, ppc64le: null, ppc: null, s390x: null, s390: null, riscv32: null, riscv64: null, uring: null,
};

/** The scope an `-F arch=VALUE` sets, or undefined when auditctl knows no such machine. */
export function scopeForArch(value: string): SyscallScope | undefined {
  const arch = value.toLowerCase();
  if (arch === 'b64') return { arch: 'b64', machines: ['x86_64', 'aarch64'] };
  if (arch === 'b32') return { arch: 'b32', machines: ['i386', 'arm'] };
  // An ELF machine number (AUDIT_ARCH_*): accepted, its table not judged here.
  if (/^(0x)?[0-9a-f]+$/.test(arch) && /^\d/.test(arch)) return { arch, machines: [] };
  if (!(arch in MACHINE_NAMES)) return undefined;
  const machine = MACHINE_NAMES[arch];
  return { arch, machines: machine ? [machine] : [] };
}

export const ARCH_NAMES: readonly string[] = ['b64', 'b32', ...Object.keys(MACHINE_NAMES)];

const TABLES = SYSCALL_TABLES as Record<Machine, Record<string, number>>;

function numberIn(machine: Machine, name: string): number | undefined {
  const table = TABLES[machine];
  return Object.hasOwn(table, name) ? table[name] : Object.hasOwn(table, name.toLowerCase()) ? table[name.toLowerCase()] : undefined;
}

/** True when auditctl would accept the name in the scope (`all`, a number, or a name in a table). */
export function syscallKnown(name: string, scope: SyscallScope): boolean {
  const first = name.charCodeAt(0);
  if (name === 'all' || (first >= 48 && first <= 57) || scope.machines.length === 0) return true;
  for (const machine of scope.machines) if (numberIn(machine, name) !== undefined) return true;
  return false;
}

/** The names of the scope's tables closest to an unknown one (for "did you mean"). */
export function closeSyscalls(name: string, scope: SyscallScope): string[] {
  const candidates = new Set<string>();
  for (const m of scope.machines) for (const known of Object.keys(SYSCALL_TABLES[m])) candidates.add(known);
  return closeMatches(name, [...candidates]);
}

/** Every syscall name of the scope's tables, sorted (completion). */
export function syscallNames(scope: SyscallScope): string[] {
  const names = new Set<string>();
  for (const m of scope.machines) for (const known of Object.keys(SYSCALL_TABLES[m])) names.add(known);
  return [...names].sort();
}

/** The number of a syscall in each table of the scope that has it (hover, duplicate detection). */
export function syscallNumbers(name: string, scope: SyscallScope): { machine: Machine; number: number }[] {
  return scope.machines.flatMap((machine) => {
    const number = numberIn(machine, name);
    return number === undefined ? [] : [{ machine, number }];
  });
}

export function describeScope(scope: SyscallScope): string {
  const tables = scope.machines.join(', ');
  return scope.arch ? `arch ${scope.arch} (${tables})` : `any bundled table (${tables})`;
}
