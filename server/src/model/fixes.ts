/**
 * Fix builders for daemon settings, so a DG1xx rule says *what* to change and the model decides
 * *where*: the daemon.json member, the dockerd flag, or (for a missing setting) daemon.json's root.
 */
import { applyEdits, minimalEdit } from '../engine/edits';
import type { FixProposal, FixSafety, TextEdit } from '../engine/types';
import { removeJsonValue, setJsonValue } from '../formats/daemon-json/edits';
import type { JsonValue, Setting } from './daemon-config';
import { flagFix, flagText } from './flag-fixes';
import type { DaemonHost } from './host';
import { daemonJsonChange, moveToDaemonJsonFix } from './move-to-daemon-json';

/** Set `key` to `value` where it is written, or add it to the host's daemon.json. */
export function settingFix(host: DaemonHost, key: string, value: JsonValue, title: string, safety: FixSafety = 'unsafe'): FixProposal[] {
  const existing = host.config.get(key);
  if (existing?.origin.type === 'daemon-json') {
    return [{ title, safety, edits: setJsonValue(textOf(host, existing.origin.file), existing.origin.path, value) }];
  }
  if (existing?.origin.type === 'flag' && !Array.isArray(value) && (typeof value !== 'object' || value === null)) {
    return [...flagFix(host, existing.origin, flagText(existing.origin, key, value), title, safety), ...moveToDaemonJsonFix(host, existing, value)];
  }
  if (!existing && host.daemonJson) {
    return [{ title, safety, edits: setJsonValue(host.daemonJson.text, [key], value) }];
  }
  // A host without daemon.json: create it (Docker's documented place) rather than add a flag.
  const created = existing ? undefined : daemonJsonChange(host, key, value);
  return created ? [{ title: `${title} (in a new ${created.file.slice(host.root.length)})`, safety, edits: [], otherFiles: [created] }] : [];
}

/** Remove one setting (a member, a list element, a flag) from where it is written. */
export function removalFix(host: DaemonHost, setting: Setting, title: string, safety: FixSafety = 'unsafe'): FixProposal[] {
  if (setting.origin.type === 'daemon-json') {
    return [{ title, safety, edits: removeJsonValue(textOf(host, setting.origin.file), setting.origin.path, setting.origin.span) }];
  }
  return flagFix(host, setting.origin, '', title, safety);
}

/** Set several top-level keys in one fix (e.g. TLS on with its three files); daemon.json only. */
export function settingsFix(host: DaemonHost, values: Record<string, JsonValue>, title: string, safety: FixSafety = 'unsafe'): FixProposal[] {
  const json = host.daemonJson;
  const writtenElsewhere = Object.keys(values).some((key) => host.config.all(key).some((s) => s.origin.type !== 'daemon-json' || s.origin.file !== json?.path));
  if (!json || writtenElsewhere) return [];
  const paths = Object.entries(values).map(([key, value]): PathValue => [[key], value]);
  return [{ title, safety, edits: sequentialEdits(json.text, paths) }];
}

/** Add or set members of a map setting (`log-opts` → `max-size`), keeping the members already there. */
export function membersFix(host: DaemonHost, key: string, members: Record<string, JsonValue>, title: string, safety: FixSafety = 'unsafe'): FixProposal[] {
  const existing = host.config.get(key);
  if (!existing) return settingFix(host, key, members, title, safety);
  const isObject = typeof existing.value === 'object' && existing.value !== null && !Array.isArray(existing.value);
  if (existing.origin.type !== 'daemon-json' || !isObject) return [];
  const base = existing.origin.path;
  const paths = Object.entries(members).map(([name, value]): PathValue => [[...base, name], value]);
  return [{ title, safety, edits: sequentialEdits(textOf(host, existing.origin.file), paths) }];
}

/** Replace the value of one setting (a list entry, a member) where it is written. */
export function valueFix(host: DaemonHost, setting: Setting, value: JsonValue, title: string, safety: FixSafety = 'unsafe'): FixProposal[] {
  if (setting.origin.type !== 'daemon-json') return [];
  return [{ title, safety, edits: setJsonValue(textOf(host, setting.origin.file), setting.origin.path, value) }];
}

/** A path and the value to set there; undefined removes the member. */
export type PathValue = [path: (string | number)[], value: JsonValue | undefined];

/**
 * Several `modify` calls computed on the original text would each insert a member at the same
 * place with their own commas (or reformat lines another edit touches); apply them one after
 * another instead and return the whole change as a single edit covering the region that differs.
 */
export function sequentialEdits(text: string, changes: readonly PathValue[]): TextEdit[] {
  const after = changes.reduce((current, [path, value]) => applyEdits(current, setJsonValue(current, path, value)), text);
  return [minimalEdit(text, after)];
}

function textOf(host: DaemonHost, file: string): string {
  if (host.daemonJson?.path === file) return host.daemonJson.text;
  throw new Error(`no text for ${file} in this host`);
}
