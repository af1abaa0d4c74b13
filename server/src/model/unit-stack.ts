/**
 * A unit as systemd loads it, services and sockets alike: the unit file with the highest precedence,
 * then its drop-ins in file-name order (reference §3.3); an empty assignment resets a list directive
 * (`ExecStart=`, `ListenStream=`) and a single-value one to its default, and the last assignment wins.
 */
import type { FileChange, TextEdit } from '../engine/types';
import type { SystemdFile } from '../formats/systemd/parse';
import type { UnitDirective } from '../formats/systemd/unit';

export interface UnitEntry {
  file: SystemdFile;
  directive: UnitDirective;
}

export interface UnitStack {
  name: string;
  unit?: SystemdFile;
  dropIns: SystemdFile[];
}

/**
 * systemd's system unit load path, highest precedence first (systemd.unit(5), "Unit File Load Path";
 * path-lookup.c): the control and transient folders of the D-Bus API, the generators', the admin's,
 * portable services' (`.attached`), the runtime's, the packages'. /lib comes after /usr/lib on a host
 * whose /usr is not merged (on a merged one it is /usr/lib, read once).
 */
export const UNIT_LOAD_PATH = [
  '/etc/systemd/system.control',
  '/run/systemd/system.control',
  '/run/systemd/transient',
  '/run/systemd/generator.early',
  '/etc/systemd/system',
  '/etc/systemd/system.attached',
  '/run/systemd/system',
  '/run/systemd/system.attached',
  '/run/systemd/generator',
  '/usr/local/lib/systemd/system',
  '/usr/lib/systemd/system',
  '/lib/systemd/system',
  '/run/systemd/generator.late',
];

/** The load path as path fragments (`etc/systemd/system/`), matched below any root. */
const PRECEDENCE = UNIT_LOAD_PATH.map((folder) => `${folder.slice(1)}/`);

/** A file's place on the load path; anything else (a plain folder) ranks last. */
function rank(path: string): number {
  const index = PRECEDENCE.findIndex((dir) => path.startsWith(dir) || path.includes(`/${dir}`));
  return index < 0 ? PRECEDENCE.length : index;
}

/** `service` for `docker.service`: the type whose top-level drop-ins (`service.d/`) apply to the unit. */
export function unitType(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The files systemd reads for unit `name`; `files` are the systemd files of one host root. */
export function unitStack(name: string, files: readonly SystemdFile[]): UnitStack {
  const units = files.filter((f) => f.role === 'unit' && f.unitName === name).sort((a, b) => rank(a.path) - rank(b.path));
  // A drop-in masks one of the same name that comes later: every `docker.service.d/` comes before
  // every top-level `service.d/` (dropin.c), then by folder on the load path. Lowest first, so the winner is set last.
  const order = (file: SystemdFile) => (file.unitName === name ? 0 : PRECEDENCE.length + 1) + rank(file.path);
  const byName = new Map<string, SystemdFile>();
  const type = unitType(name);
  for (const dropIn of files.filter((f) => f.role === 'drop-in' && (f.unitName === name || f.unitName === type)).sort((a, b) => order(b) - order(a))) byName.set(baseName(dropIn.path), dropIn);
  const dropIns = [...byName.values()].sort((a, b) => baseName(a.path).localeCompare(baseName(b.path)));
  return { name, unit: units[0], dropIns };
}

/** Every file of the stack, the unit first. */
export function stackFiles(stack: UnitStack): SystemdFile[] {
  return [...(stack.unit ? [stack.unit] : []), ...stack.dropIns];
}

/** The directives of one section across the stack, in the order systemd reads them. */
export function sectionEntries(stack: UnitStack, section: string): UnitEntry[] {
  return stackFiles(stack).flatMap((file) => (file.unit?.directives ?? []).filter((d) => d.section === section).map((directive) => ({ file, directive })));
}

/** A list directive's entries left after the empty resets. */
export function listEntries(entries: readonly UnitEntry[], name: string): UnitEntry[] {
  let current: UnitEntry[] = [];
  for (const entry of entries) {
    if (entry.directive.name !== name) continue;
    current = entry.directive.empty ? [] : [...current, entry];
  }
  return current;
}

/** A single-value directive's last assignment (an empty one stands for the default), if any. */
export function lastEntry(entries: readonly UnitEntry[], name: string): UnitEntry | undefined {
  let last: UnitEntry | undefined;
  for (const entry of entries) if (entry.directive.name === name) last = entry;
  return last;
}

/**
 * Package upgrades overwrite the files of these folders (their drop-in folders too): a fix goes to a
 * drop-in. /usr/local/lib/systemd/system holds the admin's own units (systemd.unit(5)).
 */
const VENDOR_PATH = /(^|\/)(usr\/)?lib\/systemd\/system\//;
const LOCAL_PATH = /(^|\/)usr\/local\/lib\/systemd\/system\//;

export function isVendorUnitFile(path: string): boolean {
  return VENDOR_PATH.test(path) && !LOCAL_PATH.test(path);
}

/** Where a fix to a vendor unit lands: the drop-in `systemctl edit` writes, relative to the host root. */
export function overridePath(unitName: string): string {
  return `etc/systemd/system/${unitName}.d/override.conf`;
}

/** How a fix's title says it lands in the override: ` (in etc/systemd/system/<unit>.d/override.conf; <vendor file> stays as shipped)`. */
export function overrideNote(root: string, unitName: string, vendorFile: string | undefined): string {
  return ` (in ${overridePath(unitName)}${vendorFile ? `; ${vendorFile.slice(root.length)} stays as shipped` : ''})`;
}

/**
 * Append `block` (whole lines, with its section header) to the unit's override.conf under `root`,
 * creating the file when `existing` (its text, if the workspace holds it) is undefined.
 */
export function overrideChange(root: string, unitName: string, existing: string | undefined, block: string): FileChange {
  const file = root + overridePath(unitName);
  if (existing === undefined) return { file, create: true, edits: [{ offset: 0, length: 0, content: block }] };
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return { file, edits: [{ offset: existing.length, length: 0, content: `${separator}${block}` }] };
}

export interface DirectiveChange {
  /** For the end of the fix's title: '' in place, else `overrideNote`'s words. */
  where: string;
  edits: TextEdit[];
  otherFiles?: FileChange[];
}

/**
 * Set `name=value` in a unit's `section` as systemd will read it: in place where the admin wrote
 * it, else added to the admin's unit; a vendor unit stays as shipped and the setting goes to its
 * override.conf. `entry` is the directive's last assignment, if any. The title says where it lands.
 */
export function directiveFix(root: string, stack: UnitStack, section: string, entry: UnitEntry | undefined, name: string, value: string): DirectiveChange {
  const target = entry?.file ?? stack.unit;
  if (target && !isVendorUnitFile(target.path)) {
    if (entry) return { where: '', edits: [{ offset: entry.directive.nameSpan.start, length: entry.directive.span.end - entry.directive.nameSpan.start, content: `${name}=${value}` }] };
    return { where: '', edits: [insertion(target, section, `${name}=${value}`)] };
  }
  const override = stack.dropIns.find((f) => f.path === root + overridePath(stack.name));
  return { where: overrideNote(root, stack.name, target?.path), edits: [], otherFiles: [overrideChange(root, stack.name, override?.text, `[${section}]\n${name}=${value}\n`)] };
}

/** A new line at the end of the file's `section` (after its last directive), or a new section at the end. */
function insertion(file: SystemdFile, section: string, line: string): TextEdit {
  const unit = file.unit;
  const header = unit?.sections.filter((s) => s.name === section).pop();
  if (!unit || !header) {
    const separator = file.text === '' || file.text.endsWith('\n') ? '' : '\n';
    return { offset: file.text.length, length: 0, content: `${separator}[${section}]\n${line}\n` };
  }
  const inSection = unit.directives.filter((d) => d.section === section && d.span.start > header.span.start);
  const after = inSection.length > 0 ? inSection[inSection.length - 1].span.end : header.span.end;
  return { offset: after, length: 0, content: `\n${line}` };
}
