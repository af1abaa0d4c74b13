/**
 * Fixes for settings written as dockerd flags. A unit an admin owns (etc/systemd/system, a drop-in,
 * an env file) is edited in place; a vendor unit (lib/systemd/system, usr/lib/systemd/system) is
 * overwritten by package upgrades, so the changed command goes into a drop-in
 * `etc/systemd/system/docker.service.d/override.conf` with the `ExecStart=` reset.
 */
import type { FixProposal, FixSafety, TextEdit } from '../engine/types';
import { removeWithLeadingBlanks } from '../formats/systemd/edits';
import { optionByKey } from './daemon-options';
import { hostFileText, type DaemonHost } from './host';
import type { FlagOrigin } from './origin';

const VENDOR_UNIT = /(^|\/)(usr\/)?lib\/systemd\/system\/[^/]+\.service$/;

/** Replace a flag (with its value) by `replacement`, or remove it when `replacement` is ''. */
export function flagFix(host: DaemonHost, origin: FlagOrigin, replacement: string, title: string, safety: FixSafety): FixProposal[] {
  const text = hostFileText(host, origin.file);
  if (text === undefined) return [];
  const edit: TextEdit = replacement === '' ? removeWithLeadingBlanks(text, origin.span) : { offset: origin.span.start, length: origin.span.end - origin.span.start, content: replacement };
  if (!VENDOR_UNIT.test(origin.file)) return [{ title, safety, edits: [edit] }];
  const dropIn = dropInFor(host, origin, text, edit);
  return dropIn ? [{ title: `${title} (in a drop-in override.conf; the vendor unit stays as shipped)`, safety, edits: [], otherFiles: [dropIn] }] : [];
}

function dropInFor(host: DaemonHost, origin: FlagOrigin, text: string, edit: TextEdit) {
  const execStart = host.service?.execStarts.find((e) => e.file.path === origin.file && e.directive.span.start <= origin.span.start && origin.span.end <= e.directive.span.end);
  if (!execStart || !host.service) return undefined;
  const { span } = execStart.directive;
  const at = edit.offset - span.start;
  const command = text.slice(span.start, span.end);
  const line = command.slice(0, at) + edit.content + command.slice(at + edit.length);
  const block = `[Service]\nExecStart=\n${line}\n`;
  const path = `${host.root}etc/systemd/system/${host.service.name}.d/override.conf`;
  const existing = hostFileText(host, path);
  if (existing === undefined) return { file: path, create: true, edits: [{ offset: 0, length: 0, content: block }] };
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return { file: path, edits: [{ offset: existing.length, length: 0, content: `${separator}${block}` }] };
}

/** The flag as it sets `value`: `--icc=false`, `--log-level=info` (a shorthand is written out long). */
export function flagText(origin: FlagOrigin, key: string, value: unknown): string {
  const long = optionByKey(key)?.flags.find((f) => f.startsWith('--'));
  const name = origin.flag.startsWith('--') || !long ? origin.flag : long;
  return `${name}=${String(value)}`;
}
