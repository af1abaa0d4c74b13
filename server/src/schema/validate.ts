/**
 * Validates a parsed daemon.json against schemas/daemon.schema.json with the ajv standalone validator
 * the build generates, and turns ajv's errors into one problem per cause with the range a user
 * expects: the key for an unknown member, the value for a wrong type or a bad value.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import type { ErrorObject } from 'ajv';
import validateGenerated from './generated/daemon-validator';
import schema from '../../../schemas/daemon.schema.json';
import { nodeSpan, type DaemonJsonFile } from '../formats/daemon-json/parse';
import type { Span } from '../engine/types';
import { GO_INT_MAX } from '../model/daemon-options';

export type JsonPath = (string | number)[];

export interface SchemaProblem {
  /** 'unknown': a member the object does not allow; 'invalid': a value of the wrong type or out of range. */
  kind: 'unknown' | 'invalid';
  /** The path of the unknown member, or of the invalid value. */
  path: JsonPath;
  /** The unknown member's key, or the invalid value. */
  span: Span;
  /** What is wrong, said after the path: `must be a string, not the number 3`. */
  problem: string;
  /** The node of the unknown member's value, or of the invalid value. */
  node: Node;
  /** The schema of the value (for an unknown member: of the object holding it). */
  schema: SchemaFragment;
}

export interface SchemaFragment {
  type?: string;
  enum?: unknown[];
  examples?: unknown[];
  pattern?: string;
  patternErrorMessage?: string;
  properties?: Record<string, SchemaFragment>;
  [keyword: string]: unknown;
}

const cache = new WeakMap<DaemonJsonFile, SchemaProblem[]>();

/** The schema problems of a daemon.json (memoized per parsed file: DG002 and DG003 share them). */
export function schemaProblems(file: DaemonJsonFile): SchemaProblem[] {
  let problems = cache.get(file);
  if (!problems) {
    problems = computeProblems(file);
    cache.set(file, problems);
  }
  return problems;
}

function computeProblems(file: DaemonJsonFile): SchemaProblem[] {
  const root = file.root;
  if (!root || root.type !== 'object') return [];
  const errors = validateValue(getNodeValue(root));
  const problems: SchemaProblem[] = [];
  for (const error of collapse(errors)) {
    const problem = toProblem(file.text, root, error);
    // On a partly parsed file, keep only what parsed cleanly: a value cut by a syntax error is DG001's.
    if (problem && !file.syntaxErrors.some((e) => touches(e.span, nodeSpan(problem.node)))) problems.push(problem);
  }
  return problems.sort((a, b) => a.span.start - b.span.start);
}

function validateValue(value: unknown): ErrorObject[] {
  return validateGenerated(value) ? [] : [...(validateGenerated.errors ?? [])];
}

/** True when `value` placed at `path` of the file's document would satisfy the schema there. */
export function validAt(file: DaemonJsonFile, path: JsonPath, value: unknown): boolean {
  if (!file.root) return false;
  const document = getNodeValue(file.root);
  let parent = document;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  parent[path[path.length - 1]] = value;
  const pointer = toPointer(path);
  return !validateValue(document).some((e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`));
}

/** True when `value` is a valid value of the top-level key `key`, judged alone (a flag's value, a rename's). */
export function validValue(key: string, value: unknown): boolean {
  return validateValue({ [key]: value }).length === 0;
}

/**
 * One error per cause. ajv with allErrors reports every failed keyword; a value of the wrong type
 * also fails its enum or pattern, and anyOf/oneOf repeat their branches' errors.
 */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const byCause = new Map<string, ErrorObject>();
  for (const error of errors) {
    const member = (error.params as { additionalProperty?: string; missingProperty?: string });
    const cause = `${error.instancePath}\u0000${member.additionalProperty ?? member.missingProperty ?? ''}`;
    const kept = byCause.get(cause);
    if (!kept || rank(error) < rank(kept)) byCause.set(cause, error);
  }
  return [...byCause.values()];
}

const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if']);

function rank(error: ErrorObject): number {
  if (error.keyword === 'type') return 0;
  if (COMBINATORS.has(error.keyword)) return 2;
  return 1;
}

function toProblem(text: string, root: Node, error: ErrorObject): SchemaProblem | undefined {
  const path = fromPointer(error.instancePath);
  const node = nodeAt(root, path);
  if (!node) return undefined;
  const fragment = schemaAt(error.schemaPath);
  if (error.keyword === 'additionalProperties') {
    const name = (error.params as { additionalProperty: string }).additionalProperty;
    const member = lastMember(node, name);
    if (!member) return undefined;
    return { kind: 'unknown', path: [...path, name], span: nodeSpan(member.key), node: member.value, problem: 'is not an option dockerd knows', schema: fragment };
  }
  return { kind: 'invalid', path, span: nodeSpan(node), node, problem: describeError(error, node, fragment, text), schema: fragment };
}

function describeError(error: ErrorObject, node: Node, fragment: SchemaFragment, text: string): string {
  const found = describeValue(getNodeValue(node));
  switch (error.keyword) {
    case 'type': {
      const expected = (error.params as { type: string }).type;
      return `must be ${withArticle(expected)}, not ${found}`;
    }
    case 'enum':
      return `must be one of ${(fragment.enum ?? []).map((v) => JSON.stringify(v)).join(', ')}, not ${found}`;
    case 'pattern':
      return `${fragment.patternErrorMessage ?? `must match ${fragment.pattern}`}, not ${found}`;
    case 'minimum':
    case 'maximum': {
      const limit = (error.params as { limit: number }).limit;
      // The number as written: a double would print 1e+29.
      if (Math.abs(limit) === GO_INT_MAX) return `must fit in a 64-bit integer, not ${text.slice(node.offset, node.offset + node.length)}`;
      return `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${limit}, not ${found}`;
    }
    case 'required':
      return `is missing "${(error.params as { missingProperty: string }).missingProperty}"`;
    default:
      return error.message ?? 'is not valid';
  }
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `the number 3`, `the string "3"`, `an object`, `an array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** `log-opts.max-file`, `default-address-pools[0].size`. */
export function formatPath(path: JsonPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The schema object holding the keyword `schemaPath` names (`#/properties/mtu/minimum` → mtu's schema). */
function schemaAt(schemaPath: string): SchemaFragment {
  let fragment: unknown = schema;
  for (const segment of fromPointer(schemaPath.replace(/^#/, '')).slice(0, -1)) {
    fragment = (fragment as Record<string, unknown> | undefined)?.[segment];
  }
  return (fragment ?? {}) as SchemaFragment;
}

/** The member names of the object at `path` (duplicates included). */
export function memberNamesAt(file: DaemonJsonFile, path: JsonPath): string[] {
  const object = file.root && nodeAt(file.root, path);
  return object?.type === 'object' ? (object.children ?? []).map((m) => String(m.children?.[0]?.value)) : [];
}

/** The value at a path; for duplicate keys, the last one (what dockerd's decoder keeps). */
function nodeAt(root: Node, path: JsonPath): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    node = node.type === 'array' ? node.children?.[Number(segment)] : lastMember(node, String(segment))?.value;
  }
  return node;
}

const membersByObject = new WeakMap<Node, Map<string, { key: Node; value: Node }>>();

/** The last member named `name` of an object node (indexed once per object: big files have many problems). */
function lastMember(object: Node, name: string): { key: Node; value: Node } | undefined {
  if (object.type !== 'object') return undefined;
  let members = membersByObject.get(object);
  if (!members) {
    members = new Map();
    for (const member of object.children ?? []) {
      const [key, value] = member.children ?? [];
      if (typeof key?.value === 'string' && value) members.set(key.value, { key, value });
    }
    membersByObject.set(object, members);
  }
  return members.get(name);
}

export function fromPointer(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const text = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(text) ? Number(text) : text;
  });
}

export function toPointer(path: JsonPath): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
