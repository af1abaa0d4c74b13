/**
 * Reading a service's values as Compose does after interpolation, with the unknown parts left
 * unknown: a string is its interpolated text (UNKNOWN for each `${…}`), a boolean is what compose-go
 * casts the value to, and a value that is wholly unknown is undefined, so it never causes a finding.
 */
import { interpolate, UNKNOWN } from '../../formats/compose/interpolation';
import { member, type TreeMember, type TreeNode } from '../../formats/compose/yaml-tree';
import type { Service } from './services';

/** The value as a string after interpolation (numbers and booleans as written); undefined for a collection or null. */
export function textOf(node: TreeNode | undefined): string | undefined {
  if (node?.type !== 'scalar' || node.value === null) return undefined;
  return typeof node.value === 'string' ? interpolate(node.value).text : String(node.value);
}

/** The value when no part of it is interpolated. */
export function literalOf(node: TreeNode | undefined): string | undefined {
  const text = textOf(node);
  return text !== undefined && !text.includes(UNKNOWN) ? text : undefined;
}

/** Go's strconv.ParseBool spellings, which compose-go accepts for a boolean written as a string. */
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** true or false as Compose reads the value; undefined when unknown or not a boolean. */
export function booleanOf(node: TreeNode | undefined): boolean | undefined {
  if (node?.type === 'scalar' && typeof node.value === 'boolean') return node.value;
  const text = literalOf(node);
  return text === undefined ? undefined : parseGoBool(text);
}

/** Go's strconv.ParseBool, which dockerd also applies to option values (`no-new-privileges:1`). */
export function parseGoBool(text: string): boolean | undefined {
  return TRUE.has(text) ? true : FALSE.has(text) ? false : undefined;
}

/** A service setting by key. */
export function setting(service: Service, key: string): TreeMember | undefined {
  return member(service.settings, key);
}

/** The items of a list setting; a single value where Compose also takes a list counts as one item. */
export function itemsOf(node: TreeNode | undefined): TreeNode[] {
  if (!node) return [];
  if (node.type === 'seq') return node.items;
  return node.type === 'scalar' && node.value !== null ? [node] : [];
}

/**
 * A list setting's items as `read` makes them (a long-syntax mapping or a short string; undefined
 * skips the item), read once per parse into `cache`: several rules ask for the same list.
 */
export function readItemsOnce<T>(cache: WeakMap<TreeNode, T[]>, service: Service, key: string, read: (item: TreeNode) => T | undefined): T[] {
  const list = setting(service, key)?.value;
  if (!list) return [];
  let items = cache.get(list);
  if (!items) {
    items = itemsOf(list).flatMap((item) => {
      const value = read(item);
      return value === undefined ? [] : [value];
    });
    cache.set(list, items);
  }
  return items;
}

/**
 * The entries of a setting Compose takes as a list (`- KEY=value`) or a mapping (`KEY: value`): the
 * name, the interpolated value (undefined for a bare `KEY`) and the node that writes the entry.
 */
export function entriesOf(node: TreeNode | undefined): { name: string; value?: string; node: TreeNode }[] {
  if (node?.type === 'map') return node.members.map((m) => ({ name: m.key, value: textOf(m.value), node: m.value }));
  return itemsOf(node).flatMap((item) => {
    const text = textOf(item);
    if (text === undefined) return [];
    const equals = text.indexOf('=');
    return [{ name: equals < 0 ? text : text.slice(0, equals), value: equals < 0 ? undefined : text.slice(equals + 1), node: item }];
  });
}
