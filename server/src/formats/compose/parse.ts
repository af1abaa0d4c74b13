/**
 * A Compose file → its syntax model: each YAML document as a tree with ranges, the documents merged
 * in order as Compose merges them, and the comments (for pragmas). Never throws: text yaml cannot
 * read becomes syntax errors (DG001) and as much of the file as parsed.
 */
import { Composer, Parser, type Document } from 'yaml';
import type { Span } from '../../engine/types';
import { mergeMaps } from './merge';
import { collectComments, parseByPieces } from './pieces';
import { carryOver, expandedSize, MAX_EXPANDED_NODES, toTree, type TreeMap, type TreeProblem } from './yaml-tree';

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
  const override = OVERRIDE_NAME.test(path);
  const pieces = parseByPieces(path, text, carryOver);
  // An alias bomb is left to the whole parse, which says where it is.
  if (pieces && (pieces.aliases === 0 || expandedSize(pieces.root) <= MAX_EXPANDED_NODES)) {
    return { kind: 'compose', path, text, syntaxErrors: [], documents: [pieces.root], root: pieces.root, override, comments: pieces.comments, statements: pieces.statements };
  }
  return parseWhole(path, text, override);
}

/** The whole text at once: what any file that cannot be parsed by pieces gets. */
export function parseWhole(path: string, text: string, override = OVERRIDE_NAME.test(path)): ComposeFile {
  const file: ComposeFile = { kind: 'compose', path, text, syntaxErrors: [], documents: [], override, comments: [], statements: [] };
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

function errorSpan(pos: [number, number], text: string): Span {
  const start = Math.min(pos[0], text.length);
  return { start, end: Math.min(Math.max(pos[1], start), text.length) };
}

/** yaml's message without its "at line 3, column 5:" and the source excerpt that follows. */
function describeYamlError(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}
