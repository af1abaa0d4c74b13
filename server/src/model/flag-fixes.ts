/**
 * Fixes for settings written as dockerd flags. A unit an admin owns (etc/systemd/system, a drop-in
 * there, an env file) is edited in place; a vendor unit (lib/systemd/system, usr/lib/systemd/system)
 * is overwritten by package upgrades, so the changed command goes into the drop-in
 * `etc/systemd/system/<service>.d/override.conf` with the `ExecStart=` reset.
 */
import type { FixProposal, FixSafety, TextEdit } from '../engine/types';
import { removeWithLeadingBlanks } from '../formats/systemd/edits';
import { optionByKey } from './daemon-options';
import { hostFileText, type DaemonHost } from './host';
import type { FlagOrigin } from './origin';
import { isVendorUnitFile, overrideChange, overrideNote, overridePath } from './unit-stack';

/** Replace a flag (with its value) by `replacement`, or remove it when `replacement` is ''. */
export function flagFix(host: DaemonHost, origin: FlagOrigin, replacement: string, title: string, safety: FixSafety): FixProposal[] {
  const text = hostFileText(host, origin.file);
  if (text === undefined) return [];
  const edit: TextEdit = replacement === '' ? removeWithLeadingBlanks(text, origin.span) : { offset: origin.span.start, length: origin.span.end - origin.span.start, content: replacement };
  return commandEditFix(host, origin.file, edit, title, safety);
}

/**
 * One edit to the dockerd command line in `file`: made in place, or, in a vendor unit, made to a copy
 * of the ExecStart= line in the override.conf (after the reset); the title then says where it lands.
 */
export function commandEditFix(host: DaemonHost, file: string, edit: TextEdit, title: string, safety: FixSafety): FixProposal[] {
  if (!isVendorUnitFile(file)) return [{ title, safety, edits: [edit] }];
  const service = host.service;
  const execStart = service?.execStarts.find((e) => e.file.path === file && e.directive.span.start <= edit.offset && edit.offset + edit.length <= e.directive.span.end);
  const text = hostFileText(host, file);
  if (!service || !execStart || text === undefined) return [];
  const { span } = execStart.directive;
  const at = edit.offset - span.start;
  const command = text.slice(span.start, span.end);
  const line = command.slice(0, at) + edit.content + command.slice(at + edit.length);
  const dropIn = overrideChange(host.root, service.name, hostFileText(host, host.root + overridePath(service.name)), `[Service]\nExecStart=\n${line}\n`);
  return [{ title: title + overrideNote(host.root, service.name, file), safety, edits: [], otherFiles: [dropIn] }];
}

/** The flag as it sets `value`: `--icc=false`, `--log-level=info` (a shorthand is written out long). */
export function flagText(origin: FlagOrigin, key: string, value: unknown): string {
  const long = optionByKey(key)?.flags.find((f) => f.startsWith('--'));
  const name = origin.flag.startsWith('--') || !long ? origin.flag : long;
  return `${name}=${String(value)}`;
}
