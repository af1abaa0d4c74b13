/**
 * The effective daemon configuration: every explicit setting with its origin, plus dockerd's
 * defaults and implied settings (reference §1, §2.4). Fed by daemon.json and by dockerd flags alike,
 * so one rule judges both.
 */
import { optionByKey } from './daemon-options';
import type { Origin } from './origin';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One explicit value of a daemon setting and where it was written. */
export interface Setting {
  /** The daemon.json key (flags are mapped to it: `-H` → `hosts`). */
  key: string;
  value: JsonValue;
  origin: Origin;
  /** For a list: one setting per element, each with its own origin. */
  items?: Setting[];
  /** For a map (`log-opts`, `default-ulimits` …): one setting per member, keyed by the member name. */
  members?: Setting[];
}

export class DaemonConfig {
  private readonly byKey = new Map<string, Setting[]>();

  /** Record an explicit setting. A later daemon.json duplicate replaces the earlier one (last wins). */
  add(setting: Setting): void {
    const list = this.byKey.get(setting.key) ?? [];
    const sameFile = list.findIndex((s) => s.origin.type === 'daemon-json' && setting.origin.type === 'daemon-json' && s.origin.file === setting.origin.file);
    if (sameFile >= 0) list[sameFile] = setting;
    else list.push(setting);
    this.byKey.set(setting.key, list);
  }

  /** Every explicit source of a key: one per daemon.json, one per flag occurrence. */
  all(key: string): Setting[] {
    return this.byKey.get(key) ?? [];
  }

  /** The explicit setting dockerd acts on; undefined when the key is left at its default. */
  get(key: string): Setting | undefined {
    const list = this.byKey.get(key);
    return list?.[list.length - 1];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }

  /** The effective value: the explicit one, else dockerd's default (from the option table). */
  value(key: string): JsonValue | undefined {
    return this.get(key)?.value ?? optionByKey(key)?.default;
  }

  bool(key: string): boolean {
    return this.value(key) === true;
  }

  string(key: string): string | undefined {
    const value = this.value(key);
    return typeof value === 'string' ? value : undefined;
  }

  /** The entries of a list setting from every source (each `-H` flag, each JSON array element). */
  items(key: string): Setting[] {
    return this.all(key).flatMap((s) => s.items ?? (Array.isArray(s.value) ? [] : [s]));
  }

  /** One member of a map setting (`log-opts` → `max-size`), from whichever source sets it last. */
  member(key: string, name: string): Setting | undefined {
    let found: Setting | undefined;
    for (const source of this.all(key)) {
      for (const m of source.members ?? []) if (m.key === name) found = m;
    }
    return found;
  }

  /** dockerd creates the default bridge (docker0, or the one `bridge` names) unless `bridge` is `none` (reference §1.3). */
  hasDefaultBridge(): boolean {
    return this.string('bridge')?.trim() !== 'none';
  }

  /** TLS is on when `tls` is true or `tlsverify` is given at all (reference §2.4). */
  tlsEnabled(): boolean {
    return this.bool('tls') || this.has('tlsverify');
  }

  /** Client verification: `tlsverify`'s value when given, else implied by `tls` (reference §2.4). */
  tlsVerify(): boolean {
    const explicit = this.get('tlsverify');
    if (explicit) return explicit.value === true;
    return this.bool('tls');
  }
}
