/**
 * Compose's merge of one mapping onto another (a later file or document onto the earlier ones; a
 * service onto the one it `extends`), after the compose-spec's merge rules: mappings merge key by
 * key; sequences append, unique values once; `ports`, `volumes`, `secrets` and `configs` merge their
 * entries by unique key (a later entry with the same key replaces the earlier); the list-or-mapping
 * settings (`environment`, `labels` …) merge by name whichever form each file writes; a single
 * `dns`, `env_file`, `tmpfs` … is a list of one; `command`, `entrypoint` and `healthcheck.test`
 * replace; `!override` replaces and `!reset` removes. Each merged member keeps the node that sets
 * it, so findings point at their text.
 */
import type { TreeMap, TreeMember, TreeNode, TreeScalar, TreeSeq } from './yaml-tree';

/** Sequences that replace rather than append: a command is one value, not a list to extend. */
const REPLACED = new Set(['command', 'entrypoint', 'test']);
/** Settings written as a list of `NAME=value` (or `NAME: value` for extra_hosts) or as a mapping. */
const NAMED = new Set(['environment', 'labels', 'annotations', 'sysctls', 'args', 'extra_hosts']);
/** Settings that take one value or a list of them. */
const ONE_OR_MANY = new Set(['dns', 'dns_search', 'dns_opt', 'env_file', 'tmpfs', 'expose', 'external_links']);

/** `over` merged onto `base`; the result takes `over`'s text (its span, pairs) as the place to edit. */
export function mergeMaps(base: TreeMap, over: TreeMap, resets: ReadonlySet<string> = resetKeys(over)): TreeMap {
  const members: TreeMember[] = base.members.filter((m) => !resets.has(m.key));
  for (const m of over.members) {
    const at = members.findIndex((b) => b.key === m.key);
    if (at < 0) {
      members.push(m);
      continue;
    }
    members[at] = { ...m, value: mergeValues(m.key, members[at].value, m.value) };
  }
  return { ...over, members };
}

function mergeValues(key: string, base: TreeNode, over: TreeNode): TreeNode {
  if (over.tag === '!override') return over;
  if (base.type === 'map' && over.type === 'map') return mergeMaps(base, over);
  if (NAMED.has(key) && base.type !== 'scalar' && over.type !== 'scalar') return mergeNamed(key, base, over);
  if (ONE_OR_MANY.has(key)) {
    if (base.type === 'scalar' && over.type === 'seq') base = { ...over, items: [base] };
    if (over.type === 'scalar' && base.type === 'seq') over = { ...over, type: 'seq', flow: true, items: [over] } as TreeSeq;
  }
  if (base.type === 'seq' && over.type === 'seq' && !REPLACED.has(key)) {
    const unique = UNIQUE_KEY[key];
    if (unique) {
      const replaced = new Set(over.items.map(unique).filter((k): k is string => k !== undefined));
      return { ...over, items: [...base.items.filter((i) => !replaced.has(unique(i) ?? '\u0000')), ...over.items] };
    }
    const seen = new Set(base.items.filter((i) => i.type === 'scalar').map((i) => scalarKey(i)));
    return { ...over, items: [...base.items, ...over.items.filter((i) => i.type !== 'scalar' || !seen.has(scalarKey(i)))] };
  }
  return over;
}

function scalarKey(node: TreeNode): string {
  return node.type === 'scalar' ? `${typeof node.value}:${String(node.value)}` : '';
}

const field = (node: TreeNode, name: string): string | undefined => {
  const value = node.type === 'map' ? node.members.find((m) => m.key === name)?.value : undefined;
  return value?.type === 'scalar' && value.value !== null ? String(value.value) : undefined;
};

/** The short syntax's fields split on `:` outside brackets (`[::1]:80:80`). */
const shortFields = (node: TreeNode): string[] | undefined => (node.type === 'scalar' && node.value !== null ? String(node.value).split(/:(?![^[]*\])/) : undefined);

/** The compose-spec's unique key of an entry of these lists (merge.md, "Unique resources"). */
const UNIQUE_KEY: Record<string, (node: TreeNode) => string | undefined> = {
  volumes: (node) => field(node, 'target') ?? shortFields(node)?.[1] ?? shortFields(node)?.[0],
  secrets: (node) => field(node, 'target') ?? field(node, 'source') ?? (node.type === 'scalar' ? String(node.value) : undefined),
  configs: (node) => field(node, 'target') ?? field(node, 'source') ?? (node.type === 'scalar' ? String(node.value) : undefined),
  ports: (node) => {
    if (node.type === 'map') return [field(node, 'host_ip') ?? '', field(node, 'target'), field(node, 'published') ?? '', field(node, 'protocol') ?? 'tcp'].join('|');
    const written = shortFields(node);
    if (!written) return undefined;
    const [target, protocol = 'tcp'] = written[written.length - 1].split('/');
    const published = written.length > 1 ? written[written.length - 2] : '';
    const ip = written.length > 2 ? written.slice(0, -2).join(':') : '';
    return [ip, target, published, protocol].join('|');
  },
};

/** The name of a `NAME=value` entry (`extra_hosts` also takes `host:ip`). */
function entryName(key: string, item: TreeNode): string | undefined {
  if (item.type !== 'scalar' || item.value === null) return undefined;
  const text = String(item.value);
  const cut = key === 'extra_hosts' ? text.search(/[=:]/) : text.indexOf('=');
  return cut < 0 ? text : text.slice(0, cut);
}

/**
 * A list-or-mapping setting merged by name: the later file's form wins, and the earlier entries it
 * does not name are carried over in that form, each still pointing at the text that wrote it.
 */
function mergeNamed(key: string, base: TreeMap | TreeSeq, over: TreeMap | TreeSeq): TreeNode {
  const names = new Set(over.type === 'map' ? over.members.map((m) => m.key) : over.items.map((i) => entryName(key, i)));
  if (over.type === 'map') {
    const carried: TreeMember[] = base.type === 'map'
      ? base.members.filter((m) => !names.has(m.key))
      : base.items.flatMap((item) => {
          const name = entryName(key, item);
          if (name === undefined || names.has(name)) return [];
          const text = String((item as TreeScalar).value);
          const value: TreeScalar = { ...(item as TreeScalar), value: text.length > name.length ? text.slice(name.length + 1) : null };
          return [{ key: name, keySpan: item.span, span: item.span, value }];
        });
    return { ...over, members: [...carried, ...over.members] };
  }
  const carried: TreeNode[] = base.type === 'seq'
    ? base.items.filter((i) => !names.has(entryName(key, i)))
    : base.members.filter((m) => !names.has(m.key)).map((m) => ({ ...(m.value.type === 'scalar' ? m.value : { type: 'scalar', file: m.value.file }), span: m.span, value: m.value.type === 'scalar' && m.value.value !== null ? `${m.key}=${m.value.value}` : m.key }) as TreeScalar);
  return { ...over, items: [...carried, ...over.items] };
}

/** The keys a map's `!reset` pairs remove from what it is merged onto. */
export function resetKeys(map: TreeMap): Set<string> {
  return new Set(map.written.filter((m) => m.value.tag === '!reset').map((m) => m.key));
}
