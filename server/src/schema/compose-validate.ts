/**
 * Validates a Compose file's merged documents against the vendored compose-spec schema with the ajv
 * standalone validator the build generates, and turns ajv's errors into one problem per cause on the
 * range a user expects: the key of an unknown member, the value of a wrong one. compose-spec writes
 * alternatives as `oneOf` (`ports` items: a number, a string or an object); ajv then reports every
 * branch, so only the branch of the value's own type speaks, or one "must be a string or an object".
 */
import type { ErrorObject } from 'ajv';
import validateGenerated from './generated/compose-validator';
import schema from '../../../schemas/compose-spec/compose-spec.json';
import type { Span } from '../engine/types';
import type { ComposeFile } from '../formats/compose/parse';
import { interpolate } from '../formats/compose/interpolation';
import { contentMemo, member, nodeAt, toPlain, type TreeMember, type TreeNode } from '../formats/compose/yaml-tree';
import { describeValue, fromPointer, toPointer, type JsonPath } from './validate';

export interface ComposeSchemaProblem {
  /** 'unknown': a key the object does not allow; 'invalid': a value of the wrong type or form. */
  kind: 'unknown' | 'invalid';
  /** The path of the unknown member, or of the invalid value. */
  path: JsonPath;
  /** The unknown member's key, or the invalid value (in the file that writes it). */
  span: Span;
  file: string;
  /** What is wrong, said after the path: `must be a boolean or a string, not the number 3`. */
  problem: string;
  /** What the schema allows instead, when the error names it: its types, or its values (an enum). */
  allowed?: { types: string[] } | { values: unknown[] };
}

const cache = new WeakMap<ComposeFile, ComposeSchemaProblem[]>();

/** The schema problems of a Compose file (memoized: DG002 and DG003 share them). */
export function composeSchemaProblems(file: ComposeFile): ComposeSchemaProblem[] {
  let problems = cache.get(file);
  if (!problems) {
    problems = computeProblems(file);
    cache.set(file, problems);
  }
  return problems;
}

function computeProblems(file: ComposeFile): ComposeSchemaProblem[] {
  const problems: ComposeSchemaProblem[] = [];
  if (file.root) {
    for (const error of collapse(schemaErrors(toPlain(file.root)))) {
      const problem = toProblem(file, error);
      if (problem) problems.push(problem);
    }
  }
  for (const document of file.documents) badInterpolations(document, [], problems, new Set());
  // A value inside an anchor is one problem, however many places reach it.
  const unique = new Map<string, ComposeSchemaProblem>();
  for (const p of problems) {
    const key = `${p.file}:${p.span.start}:${p.problem}`;
    if (!unique.has(key)) unique.set(key, p);
  }
  return [...unique.values()].sort((a, b) => a.span.start - b.span.start);
}

type PlainObject = Record<string, unknown>;
const isObject = (value: unknown): value is PlainObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What compose-spec calls a service name; a service under another name is not validated as one. */
const SERVICE_NAME = new RegExp(Object.keys(schema.properties.services.patternProperties)[0]);
/** The top-level keys compose-spec validates before `services` (ajv reports in the schema's order). */
const BEFORE_SERVICES = new Set(Object.keys(schema.properties).slice(0, Object.keys(schema.properties).indexOf('services')));

/** Each service's errors (paths relative to it), by its plain value: unchanged services are not validated again. */
const serviceErrorsCache = new WeakMap<PlainObject, ErrorObject[]>();

function serviceErrors(service: PlainObject): ErrorObject[] {
  let errors = serviceErrorsCache.get(service);
  if (!errors) {
    errors = validateGenerated.service!(service) ? [] : [...(validateGenerated.service!.errors ?? [])];
    serviceErrorsCache.set(service, errors);
  }
  return errors;
}

/**
 * ajv's errors for the whole document, in the order it reports them, with each service validated on
 * its own (and remembered): the document with its services stubbed (`{}`), then each service's
 * errors at its place (after `/services`' own, in the services' order).
 */
export function schemaErrors(root: unknown): ErrorObject[] {
  const services = isObject(root) ? root.services : undefined;
  if (!isObject(root) || !isObject(services)) return wholeSchemaErrors(root);
  const names = Object.keys(services);
  const separate = (name: string) => SERVICE_NAME.test(name) && isObject(services[name]);
  const stub = { ...root, services: Object.fromEntries(names.map((name) => [name, separate(name) ? {} : services[name]])) };
  const whole = wholeSchemaErrors(stub);
  const inServices = (e: ErrorObject) => e.instancePath === '/services' || e.instancePath.startsWith('/services/');
  const before = whole.filter((e) => !inServices(e) && (e.instancePath === '' || BEFORE_SERVICES.has(fromPointer(e.instancePath)[0] as string)));
  const after = whole.filter((e) => !inServices(e) && !before.includes(e));
  const errors = [...before, ...whole.filter((e) => e.instancePath === '/services')];
  for (const name of names) {
    const at = `/services/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    errors.push(...whole.filter((e) => e.instancePath === at || e.instancePath.startsWith(`${at}/`)));
    if (separate(name)) for (const e of serviceErrors(services[name] as PlainObject)) errors.push({ ...e, instancePath: at + e.instancePath });
  }
  return [...errors, ...after];
}

/** ajv's errors for the document validated at once. */
export function wholeSchemaErrors(root: unknown): ErrorObject[] {
  return validateGenerated(root) ? [] : [...(validateGenerated.errors ?? [])];
}

/** Whether compose-spec would accept the value at `path` (and below it) with `value` written there instead. */
export function composeValidWith(file: ComposeFile, path: JsonPath, value: unknown): boolean {
  if (!file.root) return false;
  // Only the service on the path is validated again: the others keep their plain values (and errors).
  return !schemaErrors(withValueAt(toPlain(file.root), path, value)).some((e) => within(e.instancePath, toPointer(path)));
}

/** A copy of `plain` with `value` at `path`, copying only the containers on the way (the plain tree is cached). */
function withValueAt(plain: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(plain)) return plain.map((item, i) => (i === head ? withValueAt(item, rest, value) : item));
  const object = plain as Record<string, unknown>;
  return { ...object, [head]: withValueAt(object[head], rest, value) };
}

const COMBINATORS = new Set(['oneOf', 'anyOf']);

/**
 * One error per cause. ajv runs a `oneOf`'s branches before it reports the `oneOf` itself, so the
 * errors just before it, at or below its path, are its branches'. Branches of another type than the
 * value say nothing useful; when every branch is of another type, one type error names them all.
 */
function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (!COMBINATORS.has(error.keyword)) {
      out.push(error);
      continue;
    }
    let first = out.length;
    while (first > 0 && within(out[first - 1].instancePath, error.instancePath)) first--;
    const branchErrors = out.splice(first);
    const wrongType = (e: ErrorObject) => e.keyword === 'type' && e.instancePath === error.instancePath;
    const rightType = branchErrors.filter((e) => !wrongType(e));
    if (rightType.length > 0) out.push(...rightType);
    else {
      const types = [...new Set(branchErrors.filter(wrongType).flatMap((e) => String((e.params as { type: string }).type).split(',')))];
      out.push({ ...error, keyword: 'type', params: { type: types.join(',') } });
    }
  }
  const byCause = new Map<string, ErrorObject>();
  for (const error of out) {
    const params = error.params as { additionalProperty?: string; missingProperty?: string };
    const cause = `${error.instancePath}\u0000${params.additionalProperty ?? params.missingProperty ?? ''}`;
    const kept = byCause.get(cause);
    // A value of the wrong type also fails its enum or pattern: the type error says it.
    if (!kept || (error.keyword === 'type' && kept.keyword !== 'type')) byCause.set(cause, error);
  }
  return [...byCause.values()];
}

function within(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

function toProblem(file: ComposeFile, error: ErrorObject): ComposeSchemaProblem | undefined {
  const path = fromPointer(error.instancePath);
  const node = nodeAt(file.root, path);
  if (!node) return undefined;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const name = String(params.additionalProperty);
    const unknown = member(node, name);
    if (!unknown) return undefined;
    return { kind: 'unknown', path: [...path, name], span: unknown.keySpan, file: unknown.value.file, problem: 'is not a key Compose knows' };
  }
  if (error.keyword === 'required') {
    return { kind: 'invalid', path, span: keyOrValue(file, path, node), file: node.file, problem: `is missing "${String(params.missingProperty)}"` };
  }
  return { kind: 'invalid', path, span: node.span, file: node.file, problem: describeError(error, node), allowed: allowedBy(error) };
}

function allowedBy(error: ErrorObject): ComposeSchemaProblem['allowed'] {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'type') return { types: String(params.type).split(',') };
  if (error.keyword === 'enum') return { values: params.allowedValues as unknown[] };
  return undefined;
}

/** A missing member is reported at the key of the object that lacks it (json-languageservice's choice). */
function keyOrValue(file: ComposeFile, path: JsonPath, node: TreeNode): Span {
  const last = path[path.length - 1];
  const holder: TreeMember | undefined = typeof last === 'string' ? member(nodeAt(file.root, path.slice(0, -1)), last) : undefined;
  return holder?.keySpan ?? node.span;
}

function describeError(error: ErrorObject, node: TreeNode): string {
  const found = describeValue(toPlain(node));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${alternatives(String(params.type).split(',').map(withArticle))}, not ${found}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, not ${found}`;
    case 'pattern':
      return `must match ${String(params.pattern)}, not ${found}`;
    case 'minimum':
    case 'maximum':
      return `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}, not ${found}`;
    case 'uniqueItems':
      return `lists the same value twice (items ${String(params.j)} and ${String(params.i)})`;
    case 'oneOf':
      return 'matches more than one of its allowed forms';
    default:
      return error.message ?? 'is not valid';
  }
}

/** `a number, a string or an object`. */
function alternatives(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
}

function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The nodes holding no `${` Compose refuses (kept for the node moved: a keystroke re-reads only what it changed). */
const interpolationsValid = contentMemo<true>();

/**
 * Strings with a `${` Compose refuses to interpolate; each node once (aliases share nodes). The path
 * is built only for a problem. True when the node is known to hold none.
 */
function badInterpolations(node: TreeNode, path: JsonPath, into: ComposeSchemaProblem[], seen: Set<TreeNode>): boolean {
  if (interpolationsValid.has(node)) return true;
  if (seen.has(node)) return false; // read already, and not valid
  seen.add(node);
  let valid = true;
  if (node.type === 'map') {
    for (const m of node.members) {
      path.push(m.key);
      valid = badInterpolations(m.value, path, into, seen) && valid;
      path.pop();
    }
  } else if (node.type === 'seq') {
    node.items.forEach((item, i) => {
      path.push(i);
      valid = badInterpolations(item, path, into, seen) && valid;
      path.pop();
    });
  } else if (typeof node.value === 'string' && node.value.includes('${') && interpolate(node.value).invalidAt !== undefined) {
    into.push({ kind: 'invalid', path: [...path], span: node.span, file: node.file, problem: 'has a "${" Compose cannot interpolate (a variable name is a letter or "_" then letters, digits, "_"; write "$$" for a literal "$")' });
    valid = false;
  }
  if (valid) interpolationsValid.set(node, true);
  return valid;
}
