/**
 * Parsing a Compose file piece by piece, so that a keystroke costs what it changes, not the file's
 * size (issue 13, "Speed"). A file of one block-style document is cut at its top-level keys and,
 * below a `key:` that opens a block mapping (`services:`, `volumes:` …), at that mapping's keys:
 * each piece is yaml-parsed on its own, and a piece whose text was in the file's last parse is
 * reused, its tree moved (spans shifted) when the text before it changed length. Aliases reach
 * across pieces: a piece that used another's anchor is reused only while that anchor is still the
 * same node (the same, or the same moved).
 *
 * The pieces give the tree a whole parse gives (test/unit/compose-pieces.test.ts compares them on the
 * corpus and under edits). Whatever could make them differ is left to the whole parse: several
 * documents, directives, tabs or carriage returns, a piece yaml finds anything to say about, a key
 * written twice, an alias bomb.
 */
import { Composer, Parser, type Document } from 'yaml';
import type { Span } from '../../engine/types';
import { toPieceTree, type TreeMap, type TreeMember, type TreeNode, type TreeProblem, type TreeSeq } from './yaml-tree';

/** A piece as it was last parsed: where it started and what it held, in that parse's offsets. */
interface Piece {
  start: number;
  end: number;
  member: TreeMember;
  used: Map<string, TreeNode>;
  anchors: [string, TreeNode][];
  aliases: number;
  innerAliases: number;
  comments: Span[];
  statements: Span[];
}

export interface PiecesParse {
  root: TreeMap;
  comments: Span[];
  statements: Span[];
  /** Aliases in the file: its expanded size must then be checked. */
  aliases: number;
}

/** Each file's pieces of its last parse, by their text; bounded to the files most recently parsed. */
const lastPieces = new Map<string, Map<string, Piece>>();
const REMEMBERED_FILES = 64;

/** `key:` (a plain key) with nothing after it but a comment (after a space: `key:#x` is one scalar): a block collection follows. */
const OPENS_BLOCK = /^([A-Za-z0-9_.-]+):(?:[ ]+(#.*)?)?$/;

/** The file parsed piece by piece; undefined when it must be parsed whole (see the header). */
export function parseByPieces(path: string, text: string, onMove: (from: TreeNode, to: TreeNode) => void): PiecesParse | undefined {
  if (/^(---|\.\.\.|%)|\t|\r/m.test(text) || text.charCodeAt(0) === 0xfeff) return undefined;
  const lines = lineStarts(text);
  // yaml counts the comments that end a document into the last node's range, not a piece's.
  if (lastContentHasComment(text, lines)) return undefined;
  const before = lastPieces.get(path);
  const now = new Map<string, Piece>();
  const taken = new Set<string>();
  const mover = new Mover(onMove);
  const anchors = new Map<string, TreeNode>();
  const comments: Span[] = [];
  const statements: Span[] = [];
  let aliases = 0;

  /** The piece of `text` from `start` to `end`, parsed or reused (each piece of the last parse once). */
  const piece = (start: number, end: number): TreeMember | undefined => {
    const source = text.slice(start, end);
    let found = taken.has(source) ? undefined : before?.get(source);
    taken.add(source);
    if (found && (found.start !== start || [...found.used].some(([name, node]) => anchors.get(name) !== node))) found = mover.move(found, start, anchors);
    found ??= parsePiece(path, source, start, anchors);
    if (!found) return undefined;
    for (const [name, node] of found.anchors) anchors.set(name, node);
    comments.push(...found.comments);
    statements.push(...found.statements);
    aliases += found.aliases;
    now.set(source, found);
    return found.member;
  };

  const members: TreeMember[] = [];
  const topLevel = blocks(text, lines, 0, lines.length, 0);
  if (!topLevel) return undefined;
  if (topLevel.length > 0) commentLines(text, lines, 0, topLevel[0][0], comments);
  for (const [from, to] of topLevel) {
    const member = blockMember(text, lines, from, to, piece, comments);
    if (!member || members.some((m) => m.key === member.key)) return undefined;
    members.push(member);
  }
  if (members.length === 0) return undefined;
  lastPieces.delete(path);
  if (lastPieces.size >= REMEMBERED_FILES) lastPieces.delete(lastPieces.keys().next().value!);
  lastPieces.set(path, now);
  const root: TreeMap = { type: 'map', flow: false, span: { start: members[0].span.start, end: members[members.length - 1].span.end }, file: path, members, written: members };
  return { root, comments: comments.sort((a, b) => a.start - b.start), statements, aliases };
}

/**
 * One top-level key (lines `from` to `to`): one piece, or, when it opens a block mapping, its key
 * read here and each member of the mapping a piece.
 */
function blockMember(text: string, lines: number[], from: number, to: number, piece: (start: number, end: number) => TreeMember | undefined, comments: Span[]): TreeMember | undefined {
  const start = lines[from];
  const end = lines[to] ?? text.length;
  const header = OPENS_BLOCK.exec(lineText(text, lines, from));
  const children = header ? blocks(text, lines, from + 1, to, indentOf(text, lines, from + 1, to)) : undefined;
  if (!header || !children || children.length === 0 || children[0][0] !== firstContentLine(text, lines, from + 1, to)) return piece(start, end);
  if (header[2]) comments.push({ start: start + lineText(text, lines, from).indexOf('#'), end: start + lineText(text, lines, from).length });
  commentLines(text, lines, from + 1, children[0][0], comments);
  const members: TreeMember[] = [];
  for (const [childFrom, childTo] of children) {
    const member = piece(lines[childFrom], lines[childTo] ?? text.length);
    if (!member || members.some((m) => m.key === member.key)) return undefined;
    members.push(member);
  }
  const key = header[1];
  const value: TreeMap = { type: 'map', flow: false, span: { start: members[0].keySpan.start, end: members[members.length - 1].span.end }, file: members[0].value.file, members, written: members };
  return { key, keySpan: { start, end: start + key.length }, span: { start, end: value.span.end }, value };
}

/**
 * The line ranges of the keys written at `indent` between lines `from` and `to`: a key starts at a
 * line of that indentation that is not a comment; the comment and blank lines before the next key
 * stay with the one before. Undefined when a line is less indented, or a key is a list item.
 */
function blocks(text: string, lines: number[], from: number, to: number, indent: number | undefined): [number, number][] | undefined {
  if (indent === undefined) return undefined;
  const starts: number[] = [];
  for (let line = from; line < to; line++) {
    const content = lineText(text, lines, line);
    const column = content.search(/\S/);
    if (column < 0 || content[column] === '#') continue;
    if (column < indent) return undefined;
    if (column > indent) continue;
    if (content[column] === '-' || content[column] === '?' || content[column] === '[' || content[column] === '{') return undefined;
    starts.push(line);
  }
  return starts.map((line, i) => [line, starts[i + 1] ?? to]);
}

/** The indentation of the first line that is neither blank nor a comment. */
function indentOf(text: string, lines: number[], from: number, to: number): number | undefined {
  const line = firstContentLine(text, lines, from, to);
  return line === undefined ? undefined : lineText(text, lines, line).search(/\S/);
}

function firstContentLine(text: string, lines: number[], from: number, to: number): number | undefined {
  for (let line = from; line < to; line++) {
    const content = lineText(text, lines, line);
    const column = content.search(/\S/);
    if (column >= 0 && content[column] !== '#') return line;
  }
  return undefined;
}

/** The comments of lines that hold nothing else (those before a piece's first key). */
function commentLines(text: string, lines: number[], from: number, to: number, into: Span[]): void {
  for (let line = from; line < to; line++) {
    const content = lineText(text, lines, line);
    const hash = content.indexOf('#');
    if (hash >= 0) into.push({ start: lines[line] + hash, end: lines[line] + content.length });
  }
}

function lastContentHasComment(text: string, lines: number[]): boolean {
  for (let line = lines.length - 1; line >= 0; line--) {
    const content = lineText(text, lines, line).trim();
    if (content !== '') return content.includes('#');
  }
  return false;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineText(text: string, lines: number[], line: number): string {
  const end = lines[line + 1] === undefined ? text.length : lines[line + 1] - 1;
  return text.slice(lines[line], end);
}

/** A piece read on its own: one mapping of one key, which yaml reads without an error or warning. */
function parsePiece(path: string, source: string, start: number, anchors: ReadonlyMap<string, TreeNode>): Piece | undefined {
  const tokens = [...new Parser().parse(source)];
  const docs = [...new Composer({ uniqueKeys: true, strict: true }).compose(tokens, true, source.length)] as Document.Parsed[];
  if (docs.length !== 1) return undefined;
  const [doc] = docs;
  // `!reset` and `!override` are Compose's tags: the whole parse ignores their warning too.
  if (doc.errors.length > 0 || doc.warnings.some((w) => w.code !== 'TAG_RESOLVE_FAILED')) return undefined;
  const problems: TreeProblem[] = [];
  const statements: Span[] = [];
  const tree = toPieceTree(doc, source, start, path, problems, statements, anchors);
  if (!tree || problems.length > 0 || tree.root.type !== 'map' || tree.root.written.length !== 1 || tree.root.members.length !== 1) return undefined;
  const comments: Span[] = [];
  collectComments(tokens, comments, start);
  return { start, end: start + source.length, member: tree.root.members[0], used: tree.used, anchors: tree.anchors, aliases: tree.aliases, innerAliases: tree.innerAliases, comments, statements };
}

/** The CST fields that hold tokens (yaml's cst.d.ts): item starts and ends, separators, values, collections. */
const TOKEN_FIELDS = ['start', 'key', 'sep', 'value', 'items', 'end', 'props'] as const;

/** The comment tokens anywhere in yaml's CST (item starts, ends, document ends …), moved by `offset`. */
export function collectComments(node: unknown, into: Span[], offset = 0): void {
  if (Array.isArray(node)) {
    for (const item of node) collectComments(item, into, offset);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const token = node as Record<string, unknown>;
  if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
    into.push({ start: offset + token.offset, end: offset + token.offset + token.source.length });
    return;
  }
  for (const field of TOKEN_FIELDS) if (token[field] && typeof token[field] === 'object') collectComments(token[field], into, offset);
}

/** True when each anchor the piece used is still the node it resolved to (or that node, moved). */
function usesSameAnchors(piece: Piece, anchors: ReadonlyMap<string, TreeNode>, mover: Mover): boolean {
  for (const [name, node] of piece.used) if (anchors.get(name) !== mover.current(node)) return false;
  return true;
}

/**
 * Moves reused pieces to their new offsets: a copy of each node with its spans shifted, sharing kept
 * (a node moved once is the same copy wherever it is reached). Nodes of other pieces, reached through
 * an alias, are not this piece's to copy: they are whatever those pieces became in this parse.
 */
class Mover {
  /** The copies of the nodes of moved pieces that other pieces can reach (anchors) or that a piece holds twice. */
  private readonly moved = new Map<TreeNode, TreeNode>();
  /** Each moved piece's old range and shift, in file order. */
  private readonly shifts: { from: number; to: number; delta: number }[] = [];
  private from = 0;
  private to = 0;
  private delta = 0;
  private shared = false;

  constructor(private readonly onMove: (from: TreeNode, to: TreeNode) => void) {}

  current(node: TreeNode): TreeNode {
    return this.moved.get(node) ?? node;
  }

  /** The piece at `start`, or undefined when an anchor it used is no longer the same. */
  move(piece: Piece, start: number, anchors: ReadonlyMap<string, TreeNode>): Piece | undefined {
    if (!usesSameAnchors(piece, anchors, this)) return undefined;
    this.from = piece.start;
    this.to = piece.end;
    this.delta = start - piece.start;
    this.shared = piece.anchors.length > 0 || piece.innerAliases > 0;
    this.shifts.push({ from: piece.start, to: piece.end, delta: this.delta });
    const member = this.member(piece.member);
    // What was worked out for the piece's value (its plain value, its size) holds for the copy.
    this.onMove(piece.member.value, member.value);
    const shift = (s: Span) => this.own(s);
    return {
      start,
      end: piece.end + this.delta,
      member,
      used: new Map([...piece.used].map(([name, node]) => [name, this.current(node)])),
      anchors: piece.anchors.map(([name, node]) => [name, this.current(node)]),
      aliases: piece.aliases,
      innerAliases: piece.innerAliases,
      comments: piece.comments.map(shift),
      statements: piece.statements.map(shift),
    };
  }

  private member(m: TreeMember): TreeMember {
    const moved: TreeMember = { key: m.key, keySpan: this.span(m.keySpan), span: this.span(m.span), value: this.node(m.value) };
    if (m.mergedFrom) moved.mergedFrom = this.span(m.mergedFrom);
    return moved;
  }

  private node(node: TreeNode): TreeNode {
    if (node.span.start < this.from || node.span.start >= this.to) return this.current(node); // another piece's
    if (this.shared) {
      const known = this.moved.get(node);
      if (known) return known;
    }
    const span = this.own(node.span);
    let copy: TreeNode;
    if (node.type === 'scalar') copy = { span, file: node.file, type: 'scalar', value: node.value };
    else if (node.type === 'seq') copy = { span, file: node.file, type: 'seq', flow: node.flow, items: [] };
    else copy = { span, file: node.file, type: 'map', flow: node.flow, members: [], written: [] };
    if (node.tag !== undefined) copy.tag = node.tag;
    if (this.shared) this.moved.set(node, copy);
    if (node.type === 'seq') for (const item of node.items) (copy as TreeSeq).items.push(this.node(item));
    else if (node.type === 'map') this.members(node, copy as TreeMap);
    return copy;
  }

  /** A map's members and written pairs, the same pair moved once (most maps' two lists hold the same pairs). */
  private members(node: TreeMap, copy: TreeMap): void {
    for (const m of node.written) copy.written.push(this.member(m));
    if (node.members.length === node.written.length && node.members.every((m, i) => m === node.written[i])) {
      copy.members = copy.written.slice();
      return;
    }
    const written = new Map(node.written.map((m, i) => [m, copy.written[i]]));
    for (const m of node.members) copy.members.push(written.get(m) ?? this.member(m));
  }

  /** A span of the piece being moved. */
  private own(s: Span): Span {
    return this.delta === 0 ? s : { start: s.start + this.delta, end: s.end + this.delta };
  }

  /** A span moved by the shift of the piece it lies in (this one's, or an earlier moved one's; a piece not moved keeps its spans). */
  private span(s: Span): Span {
    if (s.start >= this.from && s.start < this.to) return this.own(s);
    if (this.shifts.length === 0 || s.start < this.shifts[0].from) return s; // before every moved piece: an anchor at the top
    for (let i = this.shifts.length - 1; i >= 0; i--) {
      const { from, to, delta } = this.shifts[i];
      if (s.start >= from && s.start < to) return delta === 0 ? s : { start: s.start + delta, end: s.end + delta };
    }
    return s;
  }
}
