/**
 * `.dockguard.yaml` → a model with spans, checked against schemas/dockguard-config.schema.json (the
 * config's one definition, also contributed to the YAML extension). Every problem is at its node:
 * an unknown key at the key, a bad value at the value. Never throws.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { ParsedFileBase } from './kind';
import type { IgnoredPath } from './options';
import type { Span } from './types';
import schema from '../../../schemas/dockguard-config.schema.json';

export interface Spanned<T> {
  value: T;
  span: Span;
}

export interface ConfigIgnore {
  pattern: string;
  reason?: string;
  span: Span;
}

export interface ConfigOverride {
  files: string[];
  rules: Spanned<string>[];
  reason?: string;
  /** The whole entry (DG009 reports an entry that suppresses nothing here). */
  span: Span;
}

export interface ConfigMachine {
  root: string;
  daemon?: string;
}

export interface ConfigProblem {
  span: Span;
  message: string;
}

/** The config's `audit:` section as the audit rules read it (`LintOptions.settings.audit`). */
export interface AuditSettings {
  ignorePaths: IgnoredPath[];
}

export interface DockguardConfigFile extends ParsedFileBase {
  kind: 'dockguard-config';
  /** YAML errors and schema violations; a config with any is not used. */
  problems: ConfigProblem[];
  profile?: string;
  /** As written (`source`: an unquoted 29.10 is not the number 29.1). */
  dockerVersion?: string;
  rules: { id: Spanned<string>; setting: string }[];
  ignore: ConfigIgnore[];
  overrides: ConfigOverride[];
  /** The `overrides:` key with its list. */
  overridesSpan?: Span;
  machines: ConfigMachine[];
  /** `compose.projects`: Compose files merged in order as one project (paths as written, relative to the config's folder). */
  composeProjects: { name?: string; files: string[] }[];
  /** `audit.ignorePaths`: Docker paths the hosts need no audit watch on, each with the reason. */
  auditIgnorePaths: IgnoredPath[];
  /** `compose.files`, `audit.files`: more files of the kind its section is named after (.gitignore patterns). */
  kindFiles: KindFiles[];
  lineCounter: LineCounter;
}

export interface KindFiles {
  kind: string;
  patterns: string[];
}

type Schema = { errorMessage?: string; properties?: Record<string, unknown>; [keyword: string]: unknown };

let compiled: ValidateFunction | undefined;

/** The schema's validator, compiled on first use (a small schema: a few milliseconds, once). */
function validator(): ValidateFunction {
  if (!compiled) {
    // `errorMessage` is the sentence a user sees for a node, as VS Code's and the YAML extension's validators show it.
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addVocabulary(['errorMessage']);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export function parseDockguardConfig(path: string, text: string): DockguardConfigFile {
  const lineCounter = new LineCounter();
  const file: DockguardConfigFile = { kind: 'dockguard-config', path, text, syntaxErrors: [], problems: [], rules: [], ignore: [], overrides: [], machines: [], composeProjects: [], auditIgnorePaths: [], kindFiles: [], lineCounter };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    file.problems.push({ span: { start: 0, end: 0 }, message: (error as Error).message });
    return file;
  }
  for (const error of doc.errors) file.problems.push({ span: { start: error.pos[0], end: error.pos[1] }, message: error.message.split('\n')[0] });
  if (file.problems.length > 0) return file;
  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && root.value === null)) return file;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    file.problems.push({ span: spanOf(root), message: (error as Error).message });
    return file;
  }
  const validate = validator();
  if (!validate(data)) file.problems.push(...schemaProblems(doc, validate.errors ?? []));
  const version = isMap(root) ? root.get('dockerVersion', true) : undefined;
  if (isScalar(version) && !/^\d+\.\d+$/.test(String(version.source ?? version.value))) {
    file.problems.push({ span: spanOf(version), message: (schema.properties.dockerVersion as Schema).errorMessage! });
  }
  // Read even with problems: the rule ids are checked against the registry in any case.
  if (isMap(root)) readModel(file, root);
  return file;
}

/** The model of what is well-formed; entries the schema rejects are left out. */
function readModel(file: DockguardConfigFile, root: YamlNode): void {
  const get = (node: unknown, key: string) => (isMap(node) ? (node.get(key, true) as YamlNode | undefined) : undefined);
  const text = (node: unknown) => (isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.source ?? node.value) : undefined);
  const texts = (node: unknown) => list(node).map(text).filter((t): t is string => t !== undefined);
  const list = (node: unknown) => (isSeq(node) ? (node.items as YamlNode[]) : []);
  file.profile = text(get(root, 'profile'));
  file.dockerVersion = text(get(root, 'dockerVersion'));
  const rules = get(root, 'rules');
  if (isMap(rules)) {
    for (const pair of rules.items) {
      const id = text(pair.key);
      const setting = text(pair.value);
      if (id !== undefined && setting !== undefined) file.rules.push({ id: { value: id, span: spanOf(pair.key as YamlNode) }, setting });
    }
  }
  for (const item of list(get(root, 'ignore'))) {
    const pattern = text(isMap(item) ? get(item, 'path') : item);
    if (pattern !== undefined) file.ignore.push({ pattern, reason: text(get(item, 'reason')), span: spanOf(item) });
  }
  const overrides = isMap(root) ? root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'overrides') : undefined;
  if (overrides && isScalar(overrides.key) && overrides.key.range) file.overridesSpan = { start: overrides.key.range[0], end: spanOf(overrides.value as YamlNode).end };
  for (const item of list(get(root, 'overrides'))) {
    const rules = list(get(item, 'rules')).flatMap((r) => (text(r) === undefined ? [] : [{ value: text(r)!, span: spanOf(r) }]));
    file.overrides.push({ files: texts(get(item, 'files')), rules, reason: text(get(item, 'reason')), span: spanOf(item) });
  }
  for (const item of list(get(get(root, 'audit'), 'ignorePaths'))) {
    const path = text(get(item, 'path'));
    const reason = text(get(item, 'reason'));
    if (path !== undefined && reason !== undefined) file.auditIgnorePaths.push({ path: path.length > 1 ? path.replace(/\/+$/, '') : path, reason });
  }
  for (const item of list(get(get(root, 'compose'), 'projects'))) {
    const files = texts(get(item, 'files'));
    const name = text(get(item, 'name'));
    if (files.length > 0) file.composeProjects.push({ ...(name !== undefined ? { name } : {}), files });
  }
  // A kind's section (`compose:`, `audit:`) names more files of that kind; the schema says which sections exist.
  for (const pair of isMap(root) ? root.items : []) {
    const patterns = texts(get(pair.value, 'files'));
    if (isScalar(pair.key) && patterns.length > 0) file.kindFiles.push({ kind: String(pair.key.value), patterns });
  }
  for (const item of list(get(root, 'machines'))) {
    const machineRoot = text(get(item, 'root'));
    const daemon = text(get(item, 'daemon'));
    if (machineRoot !== undefined) file.machines.push({ root: machineRoot, ...(daemon ? { daemon } : {}) });
  }
}

/**
 * One problem per node, in the words of the schema's nearest `errorMessage`: ajv reports every
 * branch of an `anyOf`, and the user needs the one sentence that says what the entry should be.
 */
function schemaProblems(doc: Document.Parsed, errors: ErrorObject[]): ConfigProblem[] {
  const problems = new Map<string, ConfigProblem>();
  for (const error of errors) {
    const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const node = nodeAt(doc, path);
    const keyName = (error.params as { additionalProperty?: string; propertyName?: string }).additionalProperty;
    let problem: ConfigProblem;
    if (error.keyword === 'additionalProperties' && keyName !== undefined) {
      const known = Object.keys((schemaAt(error.schemaPath, 1).properties ?? {}) as object);
      const where = path.length > 0 ? ` in ${path.join('.')}` : '';
      problem = { span: spanOf(keyNode(node, keyName) ?? node), message: `unknown key '${keyName}'${where} (known keys: ${known.join(', ')})` };
    } else if (error.keyword === 'propertyNames' || error.schemaPath.includes('/propertyNames/')) {
      const name = (error.params as { propertyName?: string }).propertyName;
      if (name === undefined) continue;
      problem = { span: spanOf(keyNode(node, name) ?? node), message: `unknown rule '${name}' (rule ids look like DG103)` };
    } else if (error.keyword === 'pattern' && path[path.length - 2] === 'rules') {
      problem = { span: spanOf(node), message: `unknown rule '${String((node as { value?: unknown })?.value ?? '')}' (rule ids look like DG103)` };
    } else {
      const message = nearestMessage(error.schemaPath)?.replace('{{key}}', path[path.length - 1] ?? '');
      problem = { span: spanOf(node), message: message ?? `${path.join('.')} ${error.message ?? 'is invalid'}` };
    }
    const key = `${problem.span.start}:${problem.span.end}`;
    if (!problems.has(key)) problems.set(key, problem);
  }
  // An entry's general sentence gives way to a precise problem inside it (the unknown key of an item).
  const all = [...problems.values()];
  const precise = all.filter((p) => !all.some((q) => q !== p && p.span.start <= q.span.start && q.span.end <= p.span.end));
  return precise.sort((a, b) => a.span.start - b.span.start);
}

function nodeAt(doc: Document.Parsed, path: string[]): YamlNode | undefined {
  let node = doc.contents as YamlNode | undefined;
  for (const segment of path) {
    if (isMap(node)) node = node.get(segment, true) as YamlNode | undefined;
    else if (isSeq(node)) node = node.items[Number(segment)] as YamlNode | undefined;
    else return node;
  }
  return node;
}

function keyNode(map: YamlNode | undefined, name: string): YamlNode | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === name)?.key as YamlNode | undefined;
}

/** The schema node at a `#/…` path, `up` segments above its last one. */
function schemaAt(schemaPath: string, up: number): Schema {
  const segments = schemaPath.split('/').slice(1);
  let node: unknown = schema;
  for (const segment of segments.slice(0, segments.length - up)) node = (node as Record<string, unknown>)?.[segment];
  return (node ?? {}) as Schema;
}

function nearestMessage(schemaPath: string): string | undefined {
  const depth = schemaPath.split('/').length - 1;
  for (let up = 1; up <= depth; up++) {
    const message = schemaAt(schemaPath, up).errorMessage;
    if (message !== undefined) return message;
  }
  return undefined;
}

function spanOf(node: YamlNode | null | undefined): Span {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}
