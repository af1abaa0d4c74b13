/**
 * dockerd flags → daemon settings, so a DG1xx rule judges `--icc` exactly as it judges `"icc"`.
 * A repeated list flag (`-H a -H b`) becomes one list setting with one item per flag; a map flag
 * (`--log-opt max-size=10m`) one map setting with one member per flag. Each keeps its FlagOrigin.
 */
import { parseBool, parseGoInt, type ParsedFlag } from '../formats/systemd/dockerd-flags';
import type { JsonValue, Setting } from './daemon-config';
import type { FlagOrigin } from './origin';

export function flagOrigin(flag: ParsedFlag): FlagOrigin {
  return { type: 'flag', file: flag.file, flag: flag.written, nameSpan: flag.nameSpan, valueSpan: flag.valueSpan, span: flag.span };
}

/** The settings the flags make, in command-line order of their first flag. */
export function settingsFromFlags(flags: readonly ParsedFlag[]): Setting[] {
  const byKey = new Map<string, Setting>();
  for (const flag of flags) {
    const key = flag.spec.key;
    if (key === undefined) continue;
    const origin = flagOrigin(flag);
    const raw = flag.value?.text ?? '';
    switch (flag.spec.kind) {
      case 'list':
      case 'csv-map': {
        const item: Setting = { key, value: flag.spec.kind === 'list' ? raw : csvObject(raw, key), origin };
        if (flag.spec.kind === 'csv-map' && key !== 'default-address-pools') {
          byKey.set(key, { ...item, members: Object.entries(item.value as Record<string, JsonValue>).map(([name, value]) => ({ key: name, value, origin })) });
          break;
        }
        const list: Setting = byKey.get(key) ?? { key, value: [], origin, items: [] };
        (list.value as JsonValue[]).push(item.value);
        (list.items ??= []).push(item);
        byKey.set(key, list);
        break;
      }
      case 'map': {
        const [name, value] = mapMember(key, raw);
        const map: Setting = byKey.get(key) ?? { key, value: {}, origin, members: [] };
        (map.value as Record<string, JsonValue>)[name] = value;
        map.members = [...(map.members ?? []).filter((m) => m.key !== name), { key: name, value, origin }];
        byKey.set(key, map);
        break;
      }
      default: {
        const value = scalar(flag, raw);
        if (flag.spec.member !== undefined) {
          const parent: Setting = byKey.get(key) ?? { key, value: {}, origin, members: [] };
          (parent.value as Record<string, JsonValue>)[flag.spec.member] = value;
          (parent.members ??= []).push({ key: flag.spec.member, value, origin });
          byKey.set(key, parent);
        } else {
          // pflag: the last occurrence of a scalar flag wins.
          byKey.delete(key);
          byKey.set(key, { key, value, origin });
        }
      }
    }
  }
  return [...byKey.values()];
}

function scalar(flag: ParsedFlag, raw: string): JsonValue {
  if (flag.spec.kind === 'bool') return flag.value === undefined ? true : parseBool(raw) ?? raw;
  if (flag.spec.kind === 'int') return parseGoInt(raw) ?? raw;
  return raw;
}

/**
 * The daemon.json value one occurrence of a flag stands for (`--icc=false` → false, `-H x` → ["x"],
 * `--log-opt a=b` → {"a": "b"}), to judge it against the key's schema.
 */
export function flagJsonValue(flag: ParsedFlag): JsonValue {
  const raw = flag.value?.text ?? '';
  const key = flag.spec.key ?? flag.spec.optionKey;
  switch (flag.spec.kind) {
    case 'list':
      return [raw];
    case 'csv-map':
      return key === 'default-address-pools' ? [csvObject(raw, key)] : csvObject(raw, key);
    case 'map':
      return Object.fromEntries([mapMember(key, raw)]);
    default:
      return flag.spec.member !== undefined ? { [flag.spec.member]: scalar(flag, raw) } : scalar(flag, raw);
  }
}

/** One member of a map flag, shaped as daemon.json writes it (reference §1.5). */
function mapMember(key: string, raw: string): [string, JsonValue] {
  const equals = raw.indexOf('=');
  const name = equals >= 0 ? raw.slice(0, equals) : raw;
  const rest = equals >= 0 ? raw.slice(equals + 1) : '';
  switch (key) {
    case 'features':
      return [name, equals < 0 ? true : parseBool(rest) ?? rest];
    case 'runtimes':
      return [name, { path: rest }];
    case 'default-ulimits': {
      const [soft, hard = soft] = rest.split(':');
      return [name, { Name: name, Soft: parseGoInt(soft) ?? soft, Hard: parseGoInt(hard) ?? hard }];
    }
    case 'default-network-opts': {
      const inner = rest.indexOf('=');
      return [name, { [inner >= 0 ? rest.slice(0, inner) : rest]: inner >= 0 ? rest.slice(inner + 1) : '' }];
    }
    default:
      return [name, rest];
  }
}

function csvObject(raw: string, key: string): Record<string, JsonValue> {
  const result: Record<string, JsonValue> = {};
  for (const pair of raw.split(',')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    result[name] = key === 'default-address-pools' && name === 'size' ? parseGoInt(value) ?? value : parseBool(value) ?? value;
  }
  return result;
}
