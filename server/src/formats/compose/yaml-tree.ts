/**
 * YAML → a JSON-like tree that keeps every node's range (yaml-language-server's ast-converter idea),
 * so one ajv validator and every rule read the same values. Aliases resolve to the anchored node
 * itself (shared, never copied), merge keys (`<<: *base`, `<<: [*a, *b]`) to the members they bring,
 * each still pointing at the text that sets it; `!reset` removes a key as compose-go does.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlAstNode, type Pair } from 'yaml';
import type { Span } from '../../engine/types';

export type TreeNode = TreeMap | TreeSeq | TreeScalar;

interface TreeBase {
  /** The value's text, tag and anchor excluded. */
  span: Span;
  /** The file the node is written in (a merged model of several files keeps each value's origin). */
  file: string;
  /** `!reset`, `!override` or another explicit tag. */
  tag?: string;
}

export interface TreeMap extends TreeBase {
  type: 'map';
  flow: boolean;
  /** The effective members: explicit ones, then those a merge key brings; `!reset` ones removed. */
  members: TreeMember[];
  /** Every pair as written, the merge key and `!reset` ones included (edits insert and delete here). */
  written: TreeMember[];
}

export interface TreeMember {
  key: string;
  keySpan: Span;
  /** Key through value. */
  span: Span;
  value: TreeNode;
  /** Set on a member brought by a merge key: the alias (or map) of the `<<` it came through. */
  mergedFrom?: Span;
}

export interface TreeSeq extends TreeBase {
  type: 'seq';
  flow: boolean;
  items: TreeNode[];
}

export interface TreeScalar extends TreeBase {
  type: 'scalar';
  value: string | number | boolean | null;
}

export interface TreeProblem {
  span: Span;
  message: string;
}

/** Expanding aliases past this many nodes is refused: a "billion laughs" file would exhaust memory. */
export const MAX_EXPANDED_NODES = 100_000;

const MERGE_KEY = '<<';

/** Facts about a node's content that hold for the same content moved elsewhere (no span in them). */
const contentFacts: WeakMap<TreeNode, unknown>[] = [];

/** A memo of such a fact: a moved node (formats/compose/pieces.ts) inherits its original's. */
export function contentMemo<T>(): WeakMap<TreeNode, T> {
  const memo = new WeakMap<TreeNode, T>();
  contentFacts.push(memo);
  return memo;
}

/**
 * Converts one document; problems (a merge of a non-map, an alias bomb) are pushed to `problems`,
 * and the spans of the pairs that sit on their own line (what a pragma covers) to `statements`.
 */
export function toTree(doc: Document.Parsed, text: string, file: string, problems: TreeProblem[], statements: Span[]): TreeNode | undefined {
  if (!doc.contents) return undefined;
  const converter = new Converter(text, file, problems, statements);
  const root = converter.node(doc.contents as YamlAstNode);
  const tooBig = converter.firstAliasOverLimit(root);
  if (tooBig) {
    problems.push({ span: tooBig, message: `aliases expand this document past ${MAX_EXPANDED_NODES.toLocaleString('en')} values (an alias bomb?): it is not analysed` });
    return undefined;
  }
  return root;
}

/** One piece of a document converted on its own (formats/compose/pieces.ts): what it read from and gave to the pieces around it. */
export interface PieceTree {
  root: TreeNode;
  /** The anchors of earlier pieces its aliases resolved to. */
  used: Map<string, TreeNode>;
  /** The anchors it defines, in order (a later one of the same name wins). */
  anchors: [string, TreeNode][];
  aliases: number;
  /** Aliases to its own anchors: nodes it holds more than once. */
  innerAliases: number;
}

/**
 * Converts a piece of a document parsed on its own: `text` is the piece, its spans are moved by
 * `offset` to where it sits in the file, and an alias it cannot resolve inside itself names one of
 * `outer`, the anchors of the pieces before it. The caller checks the document's expanded size.
 */
export function toPieceTree(doc: Document.Parsed, text: string, offset: number, file: string, problems: TreeProblem[], statements: Span[], outer: ReadonlyMap<string, TreeNode>): PieceTree | undefined {
  if (!doc.contents) return undefined;
  const converter = new Converter(text, file, problems, statements, offset, outer);
  const root = converter.node(doc.contents as YamlAstNode);
  return { root, used: converter.used, anchors: converter.definedAnchors(), aliases: converter.aliasCount, innerAliases: converter.aliasCount - converter.outerAliases };
}

class Converter {
  private readonly done = new Map<YamlAstNode, TreeNode>();
  private readonly inProgress = new Set<YamlAstNode>();
  /** Anchors met so far, in document order (an alias names the latest one before it). */
  private readonly anchors = new Map<string, YamlAstNode>();
  private readonly anchorOrder: [string, YamlAstNode][] = [];
  /** Each alias's span with the node it resolves to, in source order (for the size check). */
  private readonly aliases: { span: Span; target: TreeNode }[] = [];
  /** The anchors of `outer` an alias resolved to. */
  readonly used = new Map<string, TreeNode>();
  outerAliases = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly problems: TreeProblem[],
    private readonly statements: Span[],
    private readonly offset = 0,
    private readonly outer: ReadonlyMap<string, TreeNode> = new Map(),
  ) {}

  get aliasCount(): number {
    return this.aliases.length;
  }

  definedAnchors(): [string, TreeNode][] {
    return this.anchorOrder.map(([name, node]) => [name, this.done.get(node)!]);
  }

  node(node: YamlAstNode): TreeNode {
    if (isAlias(node)) {
      // Not yaml's Alias.resolve: it searches the document from the top for every alias (quadratic).
      const target = this.anchors.get(node.source);
      const span = this.span(node.range);
      const outer = target ? undefined : this.outer.get(node.source);
      if (outer) {
        this.used.set(node.source, outer);
        this.outerAliases++;
        this.aliases.push({ span, target: outer });
        return outer;
      }
      if (!target || this.inProgress.has(target)) {
        this.problems.push({ span, message: target ? `alias *${node.source} refers to the node that holds it` : `no anchor &${node.source} before this alias` });
        return { type: 'scalar', value: null, span, file: this.file };
      }
      const resolved = this.node(target);
      this.aliases.push({ span, target: resolved });
      return resolved;
    }
    const known = this.done.get(node);
    if (known) return known;
    if (node.anchor) {
      this.anchors.set(node.anchor, node);
      this.anchorOrder.push([node.anchor, node]);
    }
    this.inProgress.add(node);
    const converted = this.convert(node);
    this.inProgress.delete(node);
    this.done.set(node, converted);
    return converted;
  }

  private convert(node: YamlAstNode): TreeNode {
    const base = { span: this.span(node.range), file: this.file, ...(node.tag && !node.tag.startsWith('tag:yaml.org,2002:') ? { tag: node.tag } : {}) };
    if (isMap(node)) {
      const map: TreeMap = { ...base, type: 'map', flow: Boolean(node.flow), members: [], written: [] };
      const merged: TreeMember[] = [];
      for (const pair of node.items) {
        const member = this.member(pair as Pair<YamlAstNode, YamlAstNode>);
        if (!member) continue;
        map.written.push(member);
        if (member.key === MERGE_KEY && !isQuotedKey(pair)) merged.push(...this.mergedMembers(member.value, pair.value as YamlAstNode));
        else map.members.push(member);
      }
      if (merged.length > 0) {
        const explicit = new Set(map.members.map((m) => m.key));
        for (const m of merged) {
          // YAML's merge: keys of the map itself win, then earlier merged maps over later ones.
          if (!explicit.has(m.key)) map.members.push(m);
          explicit.add(m.key);
        }
      }
      if (map.members.some((m) => m.value.tag === '!reset')) map.members = map.members.filter((m) => m.value.tag !== '!reset');
      return map;
    }
    if (isSeq(node)) {
      return { ...base, type: 'seq', flow: Boolean(node.flow), items: node.items.map((item) => this.node(item as YamlAstNode)) };
    }
    if (isScalar(node)) return { ...base, type: 'scalar', value: scalarValue(node.value) };
    return { ...base, type: 'scalar', value: null };
  }

  private member(pair: Pair<YamlAstNode, YamlAstNode>): TreeMember | undefined {
    const key = pair.key;
    if (!key) return undefined;
    if (!isScalar(key)) {
      this.problems.push({ span: this.span(key.range), message: 'a Compose key must be a plain value, not a collection or an alias' });
      return undefined;
    }
    const keySpan = this.span(key.range);
    const value: TreeNode = pair.value ? this.node(pair.value) : { type: 'scalar', value: null, span: { start: keySpan.end, end: keySpan.end }, file: this.file };
    // The value as written here: an alias's own text, not its anchor's.
    const end = Math.max(pair.value ? this.span(pair.value.range).end : 0, keySpan.end);
    if (!(isMap(pair.value) || isSeq(pair.value)) || pair.value.flow) this.statements.push({ start: keySpan.start, end });
    return { key: String(key.value), keySpan, span: { start: keySpan.start, end }, value };
  }

  /** The members a `<<` brings: from one map (alias or inline) or a list of them; `written` is the value as written. */
  private mergedMembers(value: TreeNode, written: YamlAstNode): TreeMember[] {
    const sources = value.type === 'seq' && isSeq(written) ? value.items.map((item, i) => [item, written.items[i] as YamlAstNode] as const) : [[value, written] as const];
    const result: TreeMember[] = [];
    for (const [source, text] of sources) {
      const via = this.span(text.range);
      if (source.type !== 'map') {
        this.problems.push({ span: via, message: 'a merge key (<<) takes a mapping or a list of mappings' });
        continue;
      }
      for (const m of source.members) result.push({ ...m, mergedFrom: m.mergedFrom ?? via });
    }
    return result;
  }

  /** A node's range without the line breaks and indentation yaml counts into a block collection's end. */
  private span(range: readonly number[] | null | undefined): Span {
    if (!range) return { start: this.offset, end: this.offset };
    let end = range[1];
    while (end > range[0] && /\s/.test(this.text[end - 1])) end--;
    return { start: this.offset + range[0], end: this.offset + end };
  }

  /** Where an over-large expansion comes from: the alias of the biggest anchor (sizes memoized: linear in the text). */
  firstAliasOverLimit(root: TreeNode): Span | undefined {
    if (this.aliases.length === 0) return undefined;
    if (expandedSize(root) <= MAX_EXPANDED_NODES) return undefined;
    return this.aliases.reduce((worst, a) => (expandedSize(a.target) > expandedSize(worst.target) ? a : worst)).span;
  }
}

const sizes = contentMemo<number>();

/** How many values a node stands for with its aliases expanded (memoized: linear in the text). */
export function expandedSize(node: TreeNode): number {
  let total = sizes.get(node);
  if (total !== undefined) return total;
  total = 1;
  if (node.type === 'map') for (const m of node.members) total += expandedSize(m.value);
  else if (node.type === 'seq') for (const item of node.items) total += expandedSize(item);
  sizes.set(node, total);
  return total;
}

function isQuotedKey(pair: Pair): boolean {
  return isScalar(pair.key) && (pair.key.type === 'QUOTE_DOUBLE' || pair.key.type === 'QUOTE_SINGLE');
}

function scalarValue(value: unknown): TreeScalar['value'] {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return value === undefined ? null : String(value);
}


const plainCache = contentMemo<unknown>();

/** What was worked out for `from` holds for `to`, the same content moved. */
export function carryOver(from: TreeNode, to: TreeNode): void {
  for (const memo of contentFacts) {
    const fact = memo.get(from);
    if (fact !== undefined) memo.set(to, fact);
  }
}

/** The plain JSON value of a tree (for ajv); shared nodes stay shared. */
export function toPlain(node: TreeNode): unknown {
  if (node.type === 'scalar') return node.value;
  const known = plainCache.get(node);
  if (known !== undefined) return known;
  let plain: unknown;
  if (node.type === 'seq') plain = node.items.map(toPlain);
  else plain = Object.fromEntries(node.members.map((m) => [m.key, toPlain(m.value)]));
  plainCache.set(node, plain);
  return plain;
}

/** The member named `key` of a map node, if the node is a map that has it. */
export function member(node: TreeNode | undefined, key: string): TreeMember | undefined {
  return node?.type === 'map' ? node.members.find((m) => m.key === key) : undefined;
}

/** The node at a JSON path (`['services', 'web', 'ports', 0]`). */
export function nodeAt(root: TreeNode | undefined, path: readonly (string | number)[]): TreeNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    node = node.type === 'seq' ? node.items[Number(segment)] : member(node, String(segment))?.value;
  }
  return node;
}
