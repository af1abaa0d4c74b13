/**
 * The project config file `.dockguard.yaml`: profile, dockerVersion, per-rule settings and ignore
 * globs. daemon.json has no comments, so this file is where its findings are suppressed. The CLI and
 * the language server both load it through `loadProjectConfig`.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { MachineDeclaration } from './machine';
import { PROFILES, type IgnoredPath, type LintOptions, type Profile, type RuleSetting } from './options';

export const PROJECT_CONFIG_NAME = '.dockguard.yaml';

const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];
const KNOWN_KEYS = ['profile', 'dockerVersion', 'rules', 'ignore', 'machines', 'audit'] as const;

export interface ProjectConfig {
  /** Absolute path of the config file. */
  path: string;
  /** What the file sets; the front ends lay their own flags or settings over it. */
  options: Partial<LintOptions>;
  /** Globs relative to the config file's folder; matching files are skipped by folder walks. */
  ignore: string[];
  /** Folders that are one machine where the layout does not show it, with the daemon.json it reads. */
  machines: MachineDeclaration[];
}

/** A problem in the config file, `line`/`column` 1-based, ready to print as `path:line:col: message`. */
export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

export type ConfigLoadResult = { config: ProjectConfig; problems: [] } | { config?: undefined; problems: ConfigProblem[] };

/** Parses and validates the text of a `.dockguard.yaml`; an empty file is an empty config. */
export function loadProjectConfig(text: string, path: string, knownRuleIds: ReadonlySet<string>): ConfigLoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  const at = (offset: number, message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ line, column: col, message });
  };
  for (const error of doc.errors) at(error.pos[0], error.message.split('\n')[0]);
  if (problems.length > 0) return { problems };

  const options: Partial<LintOptions> = {};
  const ignore: string[] = [];
  const machines: MachineDeclaration[] = [];
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config: { path: resolve(path), options, ignore, machines }, problems: [] };
  if (!isMap(root)) {
    at(startOf(root), 'the config must be a mapping of profile, dockerVersion, rules, ignore, machines and audit');
    return { problems };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const value = pair.value as YamlNode | null;
    const keyOffset = startOf(keyNode);
    const valueOffset = value ? startOf(value) : keyOffset;
    switch (key) {
      case 'profile': {
        const profile = scalarString(value);
        if (profile !== undefined && (PROFILES as readonly string[]).includes(profile)) options.profile = profile as Profile;
        else at(valueOffset, `profile must be one of ${PROFILES.join(', ')}`);
        break;
      }
      case 'dockerVersion': {
        // `source` keeps an unquoted 29.10 from becoming the number 29.1.
        const version = isScalar(value) ? String(value.source ?? value.value) : undefined;
        if (version !== undefined && /^\d+\.\d+$/.test(version)) options.dockerVersion = version;
        else at(valueOffset, "dockerVersion must be MAJOR.MINOR (e.g. 29.7)");
        break;
      }
      case 'rules': {
        if (!isMap(value)) {
          at(valueOffset, 'rules must map rule ids to off, error, warning or info (e.g. DG103: off)');
          break;
        }
        const rules: Record<string, RuleSetting> = {};
        for (const rule of value.items) {
          const idNode = rule.key as YamlNode | null;
          const id = scalarString(idNode);
          const setting = scalarString(rule.value as YamlNode | null);
          if (id === undefined || !knownRuleIds.has(id)) at(startOf(idNode), `unknown rule '${id ?? ''}' (rule ids look like DG103)`);
          else if (setting === undefined || !(RULE_SETTINGS as readonly string[]).includes(setting)) at(startOf((rule.value as YamlNode | null) ?? idNode), `${id} must be one of ${RULE_SETTINGS.join(', ')}`);
          else rules[id] = setting as RuleSetting;
        }
        options.rules = rules;
        break;
      }
      case 'ignore': {
        if (!isSeq(value) || value.items.some((item) => scalarString(item as YamlNode) === undefined)) {
          at(valueOffset, 'ignore must be a list of globs (e.g. - "vendor/**")');
          break;
        }
        ignore.push(...value.items.map((item) => scalarString(item as YamlNode)!));
        break;
      }
      case 'machines': {
        const base = dirname(resolve(path));
        const problem = 'machines must be a list of { root: FOLDER, daemon: PATH } (daemon optional, relative to the root)';
        if (!isSeq(value)) {
          at(valueOffset, problem);
          break;
        }
        for (const item of value.items as YamlNode[]) {
          const root = isMap(item) ? scalarString(item.get('root', true) as YamlNode | undefined) : undefined;
          const daemonNode = isMap(item) ? (item.get('daemon', true) as YamlNode | undefined) : undefined;
          const daemon = scalarString(daemonNode);
          const extra = isMap(item) ? item.items.find((pair) => !['root', 'daemon'].includes(String(isScalar(pair.key) ? pair.key.value : ''))) : undefined;
          if (root === undefined || (daemonNode !== undefined && daemon === undefined) || extra) {
            at(startOf(extra ? (extra.key as YamlNode) : item), problem);
            continue;
          }
          const folder = resolve(base, root).replace(/\\/g, '/').replace(/\/?$/, '/');
          machines.push({ root: folder, ...(daemon ? { daemon: daemon.replace(/^\/+/, '') } : {}) });
        }
        break;
      }
      case 'audit': {
        const ignorePaths = readAuditSettings(value, valueOffset, at);
        if (ignorePaths) options.auditIgnorePaths = ignorePaths;
        break;
      }
      default:
        at(keyOffset, `unknown key '${key ?? ''}' (known keys: ${KNOWN_KEYS.join(', ')})`);
    }
  }
  if (problems.length > 0) return { problems };
  return { config: { path: resolve(path), options, ignore, machines }, problems: [] };
}

/** `audit: { ignorePaths: [{ path: /usr/bin/containerd-shim-runc-v2, reason: … }] }`: absolute paths, each with a reason. */
function readAuditSettings(value: YamlNode | null, valueOffset: number, at: (offset: number, message: string) => void): IgnoredPath[] | undefined {
  const problem = 'audit must be { ignorePaths: [{ path: /ABSOLUTE/PATH, reason: WHY }] }';
  if (!isMap(value)) {
    at(valueOffset, problem);
    return undefined;
  }
  const ignorePaths: IgnoredPath[] = [];
  for (const pair of value.items) {
    const keyNode = pair.key as YamlNode | null;
    const list = pair.value as YamlNode | null;
    if (scalarString(keyNode) !== 'ignorePaths' || !isSeq(list)) {
      at(startOf(keyNode), problem);
      continue;
    }
    for (const item of list.items as YamlNode[]) {
      const path = isMap(item) ? scalarString(item.get('path', true) as YamlNode | undefined) : undefined;
      const reason = isMap(item) ? scalarString(item.get('reason', true) as YamlNode | undefined) : undefined;
      const extra = isMap(item) && item.items.some((p) => !['path', 'reason'].includes(String(isScalar(p.key) ? p.key.value : '')));
      if (path === undefined || !path.startsWith('/') || !reason?.trim() || extra) at(startOf(item), 'each audit.ignorePaths entry is { path: /ABSOLUTE/PATH, reason: WHY } (the reason is required)');
      else ignorePaths.push({ path: path.length > 1 ? path.replace(/\/+$/, '') : path, reason });
    }
  }
  return ignorePaths;
}

function startOf(node: YamlNode | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

function scalarString(node: YamlNode | null | undefined): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * The nearest `.dockguard.yaml` from `startDir` upward, stopping after `stopDir` when `startDir` is
 * inside it (a project's config does not leak in from above the working directory), else at the
 * filesystem root.
 */
export function findProjectConfig(startDir: string, stopDir: string, exists: (path: string) => boolean): string | undefined {
  const start = resolve(startDir);
  const stop = resolve(stopDir);
  const insideStop = !relative(stop, start).startsWith('..');
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, PROJECT_CONFIG_NAME);
    if (exists(candidate)) return candidate;
    if ((insideStop && dir === stop) || dirname(dir) === dir) return undefined;
  }
}

/** True when `file` matches one of the config's ignore globs (or lies in a folder that does). */
export function isIgnored(config: ProjectConfig, file: string): boolean {
  const rel = relative(dirname(config.path), resolve(file)).replace(/\\/g, '/');
  if (rel.startsWith('../')) return false;
  const patterns = config.ignore.map(globToRegExp);
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (patterns.some((p) => p.test(prefix))) return true;
  }
  return false;
}

/**
 * A glob as gitignore-like users expect: `*` and `?` stay within one folder, `**` crosses folders,
 * and a pattern with no `/` matches a name at any depth.
 */
export function globToRegExp(glob: string): RegExp {
  const anchored = glob.replace(/^\.\//, '').replace(/\/$/, '');
  const body = anchored.includes('/') ? anchored : `**/${anchored}`;
  let source = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '*' && body[i + 1] === '*') {
      const slash = body[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
