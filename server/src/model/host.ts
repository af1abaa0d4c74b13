/**
 * A Docker host as the workspace shows it: its daemon.json and (later) its units, grouped by the
 * folder that stands for the host's `/`, and the effective daemon configuration they produce.
 */
import { nodeSpan, objectProperties, type DaemonJsonFile, type JsonProperty } from '../formats/daemon-json/parse';
import type { Location } from '../engine/types';
import { DaemonConfig, type JsonValue, type Setting } from './daemon-config';
import type { JsonOrigin } from './origin';
import type { Node } from 'jsonc-parser';
import { getNodeValue } from 'jsonc-parser';

export interface DaemonHost {
  /** The folder standing for the host's `/` (`x/` for `x/etc/docker/daemon.json`), else the file's folder. */
  root: string;
  daemonJson?: DaemonJsonFile;
  config: DaemonConfig;
  /** Where a rule about a *missing* setting reports: daemon.json's opening `{`, else the dockerd command. */
  anchor?: Location;
  /** Every file that feeds this host (a finding's file must be one of them). */
  files: string[];
}

/** Settings whose members are judged one by one (map-valued keys, reference §2.1). */
const MAP_KEYS = new Set(['log-opts', 'default-network-opts', 'runtimes', 'default-ulimits', 'features', 'builder', 'nri-opts', 'proxies']);

/** The folder that stands for `/` of the host a file belongs to. */
export function hostRootOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const marker = /(^|\/)(etc\/docker|etc\/default|etc\/sysconfig|etc\/systemd\/system|lib\/systemd\/system|usr\/lib\/systemd\/system|run\/systemd\/system)\//.exec(normalized);
  if (marker) return normalized.slice(0, marker.index + marker[1].length);
  const slash = normalized.lastIndexOf('/');
  return slash >= 0 ? normalized.slice(0, slash + 1) : '';
}

export function hostFromDaemonJson(file: DaemonJsonFile): DaemonHost {
  const config = new DaemonConfig();
  for (const property of file.properties) config.add(settingFromProperty(file.path, property));
  const anchor = file.root?.type === 'object' ? { file: file.path, span: { start: file.root.offset, end: file.root.offset + 1 } } : undefined;
  return { root: hostRootOf(file.path), daemonJson: file, config, anchor, files: [file.path] };
}

function jsonOrigin(file: string, property: JsonProperty): JsonOrigin {
  return { type: 'daemon-json', file, keySpan: property.keySpan, valueSpan: nodeSpan(property.value), span: property.span, path: property.path };
}

function settingFromProperty(file: string, property: JsonProperty): Setting {
  const setting: Setting = { key: property.key, value: getNodeValue(property.value) as JsonValue, origin: jsonOrigin(file, property) };
  if (property.value.type === 'array') setting.items = arrayItems(file, property);
  if (property.value.type === 'object' && MAP_KEYS.has(property.key)) {
    setting.members = objectProperties(property.value, property.path).map((member) => settingFromProperty(file, member));
  }
  return setting;
}

function arrayItems(file: string, property: JsonProperty): Setting[] {
  return (property.value.children ?? []).map((element: Node, index: number) => {
    const span = nodeSpan(element);
    const origin: JsonOrigin = { type: 'daemon-json', file, keySpan: span, valueSpan: span, span, path: [...property.path, index] };
    return { key: property.key, value: getNodeValue(element) as JsonValue, origin };
  });
}
