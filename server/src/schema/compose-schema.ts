/**
 * Reading the vendored compose-spec schema by instance path: the schemas that apply to the value at
 * `services.web.ports[0]` (through `$ref`s and the object or array branch of a `oneOf`), for the keys
 * an object allows ("did you mean"), hover descriptions and completion. ajv reports schema paths
 * relative to the definition it was in, so the error mapping asks here instead.
 */
import schema from '../../../schemas/compose-spec/compose-spec.json';
import type { JsonPath, SchemaFragment } from './validate';

const ROOT = schema as unknown as SchemaFragment;

function deref(fragment: SchemaFragment): SchemaFragment {
  let current = fragment;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops++) {
    const name = /^#\/definitions\/(.+)$/.exec(current.$ref)?.[1];
    const target = name ? (ROOT.definitions as Record<string, SchemaFragment>)[name] : undefined;
    if (!target) break;
    // A `$ref` beside a description: the description is the referring place's.
    current = { ...target, ...(current.description ? { description: current.description } : {}) };
  }
  return current;
}

const typesOf = (fragment: SchemaFragment): string[] => (Array.isArray(fragment.type) ? fragment.type : fragment.type ? [fragment.type] : []);

/** The branches of a fragment that can hold a value of `type` ('object' for a key, 'array' for an index). */
function branches(fragment: SchemaFragment, type?: string): SchemaFragment[] {
  const resolved = deref(fragment);
  const alternatives = (resolved.oneOf ?? resolved.anyOf) as SchemaFragment[] | undefined;
  if (alternatives) return alternatives.flatMap((b) => branches({ ...b, description: b.description ?? resolved.description }, type));
  if (type && typesOf(resolved).length > 0 && !typesOf(resolved).includes(type)) return [];
  return [resolved];
}

function child(fragment: SchemaFragment, segment: string | number): SchemaFragment[] {
  if (typeof segment === 'number') {
    return branches(fragment, 'array').flatMap((f) => (f.items && typeof f.items === 'object' ? [f.items as SchemaFragment] : []));
  }
  return branches(fragment, 'object').flatMap((f) => {
    const property = (f.properties as Record<string, SchemaFragment> | undefined)?.[segment];
    if (property) return [property];
    const patterns = Object.entries((f.patternProperties ?? {}) as Record<string, SchemaFragment>).filter(([p]) => new RegExp(p, 'u').test(segment));
    if (patterns.length > 0) return patterns.map(([, s]) => s);
    return typeof f.additionalProperties === 'object' ? [f.additionalProperties as SchemaFragment] : [];
  });
}

/** The schemas that apply at a path (more than one where a `oneOf` leaves the choice open). */
export function schemasAt(path: JsonPath): SchemaFragment[] {
  let fragments = [ROOT];
  for (const segment of path) fragments = fragments.flatMap((f) => child(f, segment));
  return fragments.flatMap((f) => branches(f));
}

/** The keys the object at `path` allows by name (`x-` extensions and pattern keys aside). */
export function propertyNamesAt(path: JsonPath): string[] {
  const names = new Set<string>();
  for (const f of schemasAt(path)) for (const name of Object.keys((f.properties ?? {}) as object)) names.add(name);
  return [...names];
}

/** The schema's description of the value at `path`, if it has one. */
export function descriptionAt(path: JsonPath): string | undefined {
  let fragments = [ROOT];
  for (const segment of path) fragments = fragments.flatMap((f) => child(f, segment));
  return fragments.map((f) => deref(f).description ?? branches(f).find((b) => b.description)?.description).find((d): d is string => typeof d === 'string');
}
