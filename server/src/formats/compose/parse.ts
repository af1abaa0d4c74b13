/**
 * A Compose file → its syntax model: each YAML document as a tree with ranges, the documents merged
 * in order as Compose merges them, and the comments (for pragmas). Never throws: text yaml cannot
 * read becomes syntax errors (DG001) and as much of the file as parsed.
 */
import { Composer, Parser, type Document } from 'yaml';
import type { Span } from '../../engine/types';
import { mergeMaps } from './merge';
import { toTree, type TreeMap, type TreeProblem } from './yaml-tree';

export interface ComposeFile {
  kind: 'compose';
  path: string;
  text: string;
  syntaxErrors: TreeProblem[];
  /** Each document's root mapping, in order (empty and refused documents left out). */
  documents: TreeMap[];
  /** The documents merged; undefined when no document holds a mapping. */
  root?: TreeMap;
  /** Named as an override (`compose.override.yaml`): meant to be merged onto a base file. */
  override: boolean;
  comments: Span[];
  /** Pairs written on one line or in flow style: what a `disable-next-line` pragma covers. */
  statements: Span[];
}

const OVERRIDE_NAME = /(^|[/\\])[^/\\]*\.override\.ya?ml$/i;

export function parseCompose(path: string, text: string): ComposeFile {
  const file: ComposeFile = { kind: 'compose', path, text, syntaxErrors: [], documents: [], override: OVERRIDE_NAME.test(path), comments: [], statements: [] };
  const tokens = [...new Parser().parse(text)];
  collectComments(tokens, file.comments);
  const docs = [...new Composer({ uniqueKeys: true, strict: true }).compose(tokens, true, text.length)] as Document.Parsed[];
  for (const doc of docs) {
    for (const error of doc.errors) file.syntaxErrors.push({ span: errorSpan(error.pos, text), message: describeYamlError(error.message) });
    for (const warning of doc.warnings) {
      // `!reset` and `!override` are Compose's merge tags; the value of any other tag is read as written.
      if (warning.code === 'TAG_RESOLVE_FAILED') continue;
      file.syntaxErrors.push({ span: errorSpan(warning.pos, text), message: describeYamlError(warning.message) });
    }
    const tree = toTree(doc, text, path, file.syntaxErrors, file.statements);
    if (!tree || (tree.type === 'scalar' && tree.value === null)) continue; // an empty document
    if (tree.type !== 'map') {
      file.syntaxErrors.push({ span: tree.span, message: `a Compose file holds a mapping (services:, volumes: …), not ${tree.type === 'seq' ? 'a list' : 'a single value'}` });
      continue;
    }
    file.documents.push(tree);
  }
  file.root = file.documents.reduce<TreeMap | undefined>((merged, doc) => (merged ? mergeMaps(merged, doc) : doc), undefined);
  file.syntaxErrors.sort((a, b) => a.span.start - b.span.start);
  return file;
}

/** The CST fields that hold tokens (yaml's cst.d.ts): item starts and ends, separators, values, collections. */
const TOKEN_FIELDS = ['start', 'key', 'sep', 'value', 'items', 'end', 'props'] as const;

/** The comment tokens anywhere in yaml's CST (item starts, ends, document ends …). */
function collectComments(node: unknown, into: Span[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectComments(item, into);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const token = node as Record<string, unknown>;
  if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
    into.push({ start: token.offset, end: token.offset + token.source.length });
    return;
  }
  for (const field of TOKEN_FIELDS) if (token[field] && typeof token[field] === 'object') collectComments(token[field], into);
}

function errorSpan(pos: [number, number], text: string): Span {
  const start = Math.min(pos[0], text.length);
  return { start, end: Math.min(Math.max(pos[1], start), text.length) };
}

/** yaml's message without its "at line 3, column 5:" and the source excerpt that follows. */
function describeYamlError(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}
