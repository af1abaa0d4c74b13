/**
 * Fix builders for daemon settings, so a DG1xx rule says *what* to change and the model decides
 * *where*: the daemon.json member, the dockerd flag, or (for a missing setting) daemon.json's root.
 */
import type { FixProposal } from '../engine/rule';
import type { FixSafety } from '../engine/types';
import { removeJsonValue, setJsonValue } from '../formats/daemon-json/edits';
import type { JsonValue, Setting } from './daemon-config';
import type { DaemonHost } from './host';

/** Set `key` to `value` where it is written, or add it to the host's daemon.json. */
export function settingFix(host: DaemonHost, key: string, value: JsonValue, title: string, safety: FixSafety = 'unsafe'): FixProposal[] {
  const existing = host.config.get(key);
  if (existing?.origin.type === 'daemon-json') {
    return [{ title, safety, edits: setJsonValue(textOf(host, existing.origin.file), existing.origin.path, value) }];
  }
  if (!existing && host.daemonJson) {
    return [{ title, safety, edits: setJsonValue(host.daemonJson.text, [key], value) }];
  }
  return [];
}

/** Remove one setting (a member, a list element, a flag) from where it is written. */
export function removalFix(host: DaemonHost, setting: Setting, title: string, safety: FixSafety = 'unsafe'): FixProposal[] {
  if (setting.origin.type === 'daemon-json') {
    return [{ title, safety, edits: removeJsonValue(textOf(host, setting.origin.file), setting.origin.path) }];
  }
  return [];
}

function textOf(host: DaemonHost, file: string): string {
  if (host.daemonJson?.path === file) return host.daemonJson.text;
  throw new Error(`no text for ${file} in this host`);
}
