/**
 * daemon.json → a small model with ranges. dockerd uses Go's strict encoding/json, so comments and
 * trailing commas are recorded (DG007) rather than accepted, and syntax errors carry a clear message.
 */
import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../../engine/types';

/** JSON nested deeper than this is not analysed (Go's decoder stops at 10,000). */
export const MAX_JSON_DEPTH = 1000;

export interface JsonProblem {
  span: Span;
  message: string;
}

/** One `"key": value` member of an object, with the spans a rule needs to point at it or edit it. */
export interface JsonProperty {
  key: string;
  keySpan: Span;
  /** The whole member, key through value. */
  span: Span;
  value: Node;
  /** The JSON path of the value from the root, e.g. ['log-opts', 'max-size']. */
  path: (string | number)[];
}

export interface DaemonJsonFile {
  kind: 'daemon-json';
  path: string;
  text: string;
  /** The parsed tree (undefined for an empty file or one too deep to analyse). */
  root?: Node;
  /** The root object's members in source order, duplicates included. */
  properties: JsonProperty[];
  syntaxErrors: JsonProblem[];
  /** Comments and trailing commas: accepted by jsonc-parser, refused by dockerd. */
  strictnessErrors: JsonProblem[];
}

export function parseDaemonJson(path: string, text: string): DaemonJsonFile {
  const file: DaemonJsonFile = { kind: 'daemon-json', path, text, properties: [], syntaxErrors: [], strictnessErrors: [] };
  const scan = scanStrictness(text);
  file.strictnessErrors = scan.problems;
  if (scan.maxDepth > MAX_JSON_DEPTH) {
    file.syntaxErrors.push({ span: { start: scan.tooDeepAt, end: scan.tooDeepAt + 1 }, message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels is not analysed` });
    return file;
  }
  if (text.trim() === '') return file; // dockerd: a whitespace-only file is an empty configuration
  const errors: ParseError[] = [];
  file.root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  file.syntaxErrors.push(...errors.map((e) => ({ span: { start: e.offset, end: Math.min(text.length, e.offset + Math.max(1, e.length)) }, message: describeParseError(e, text) })));
  if (file.root && file.root.type !== 'object') {
    file.syntaxErrors.push({ span: nodeSpan(file.root), message: `daemon.json must hold a JSON object, not ${article(file.root.type)}` });
  }
  if (file.root?.type === 'object') file.properties = objectProperties(file.root, []);
  return file;
}

export function nodeSpan(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** The members of an object node, with paths relative to the root. */
export function objectProperties(object: Node, basePath: (string | number)[]): JsonProperty[] {
  const result: JsonProperty[] = [];
  for (const member of object.children ?? []) {
    const [keyNode, value] = member.children ?? [];
    if (!keyNode || !value || typeof keyNode.value !== 'string') continue;
    result.push({ key: keyNode.value, keySpan: nodeSpan(keyNode), span: nodeSpan(member), value, path: [...basePath, keyNode.value] });
  }
  return result;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

const EXPECTATIONS: Partial<Record<string, string>> = {
  CommaExpected: "expected ',' or '}'",
  CloseBraceExpected: "expected ',' or '}'",
  CloseBracketExpected: "expected ',' or ']'",
  ColonExpected: "expected ':' after the key",
  PropertyNameExpected: 'expected a key in double quotes',
  ValueExpected: 'expected a value',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidSymbol: 'invalid character',
  InvalidNumberFormat: 'invalid number',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in string',
  InvalidCharacter: 'control character in string (escape it)',
};

function describeParseError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const base = EXPECTATIONS[code] ?? code;
  if (error.offset >= text.length) return `${base}, found the end of the file`;
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  return `${base}, found '${found}'`;
}

/** One pass of the scanner: comments, trailing commas, and nesting depth. */
function scanStrictness(text: string): { problems: JsonProblem[]; maxDepth: number; tooDeepAt: number } {
  const problems: JsonProblem[] = [];
  const scanner = createScanner(text, false);
  let depth = 0;
  let maxDepth = 0;
  let tooDeepAt = 0;
  let pendingComma: Span | undefined;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const span = { start, end: start + scanner.getTokenLength() };
    switch (token) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        problems.push({ span, message: 'comments are not allowed: dockerd parses daemon.json as strict JSON and refuses to start' });
        continue;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        continue;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        depth++;
        if (depth > maxDepth) {
          maxDepth = depth;
          if (depth === MAX_JSON_DEPTH + 1) tooDeepAt = start;
        }
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth = Math.max(0, depth - 1);
        if (pendingComma) problems.push({ span: pendingComma, message: 'trailing comma: dockerd parses daemon.json as strict JSON and refuses to start' });
        break;
    }
    pendingComma = token === SyntaxKind.CommaToken ? span : undefined;
  }
  return { problems, maxDepth, tooDeepAt };
}
