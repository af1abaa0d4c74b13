/**
 * daemon.json → a small model with ranges. dockerd uses Go's strict encoding/json, so comments and
 * trailing commas are recorded (DG007) rather than accepted, and syntax errors carry a clear message.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../../engine/types';
import { parseStrictJson } from './fast-parse';

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
  // The common case, strict JSON, in one pass; anything else takes the tolerant path below.
  const strictRoot = parseStrictJson(text, MAX_JSON_DEPTH);
  if (strictRoot) return withRoot(file, strictRoot);
  const scan = scanStrictness(text);
  file.strictnessErrors = scan.problems;
  if (scan.maxDepth > MAX_JSON_DEPTH) {
    file.syntaxErrors.push({ span: { start: scan.tooDeepAt, end: scan.tooDeepAt + 1 }, message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels is not analysed` });
    return file;
  }
  if (text.trim() === '') return file; // dockerd: a whitespace-only file is an empty configuration
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  file.syntaxErrors.push(...oneAtTheEnd(errors, text.length).map((e) => ({ span: { start: e.offset, end: Math.min(text.length, e.offset + Math.max(1, e.length)) }, message: describeParseError(e, text) })));
  return root ? withRoot(file, root) : file;
}

function withRoot(file: DaemonJsonFile, root: Node): DaemonJsonFile {
  file.root = root;
  if (root.type === 'object') file.properties = objectProperties(root, []);
  else file.syntaxErrors.push({ span: nodeSpan(root), message: `daemon.json must hold a JSON object, not ${article(root.type)}` });
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

/**
 * A truncated file makes the parser report at its end once per bracket left open (`{"debug": true,`
 * gave three errors, the first false). The first says what the next token must be; the others
 * follow from it. An earlier error that already runs to the end (an unterminated string) says all.
 */
function oneAtTheEnd(errors: ParseError[], length: number): ParseError[] {
  const before = errors.filter((e) => e.offset < length);
  const atEnd = errors.filter((e) => e.offset >= length);
  const reachesEnd = before.some((e) => e.offset + e.length >= length);
  return reachesEnd || atEnd.length === 0 ? before : [...before, atEnd[0]];
}

/** The innermost `{` or `[` still open at `offset` (strings and comments skipped), for error messages. */
function innermostBracket(text: string, offset: number): string | undefined {
  const open: string[] = [];
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < offset && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < offset && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? offset : close + 1;
    } else if (c === '{' || c === '[') open.push(c);
    else if (c === '}' || c === ']') open.pop();
  }
  return open[open.length - 1];
}

/** What the parser wanted, said for where it stopped: right after `{` a key or `}`, right after `[` a value or `]`. */
function expectation(code: string, text: string, offset: number): string {
  if (code === 'CommaExpected' || code === 'CloseBraceExpected' || code === 'CloseBracketExpected') {
    const previous = /\S(?=\s*$)/.exec(text.slice(Math.max(0, offset - 200), offset))?.[0];
    if (previous === '{') return "expected a key in double quotes or '}'";
    if (previous === '[') return "expected a value or ']'";
  }
  if (code === 'CommaExpected' && innermostBracket(text, offset) === '[') return "expected ',' or ']'";
  return EXPECTATIONS[code] ?? code;
}

function describeParseError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const base = expectation(code, text, error.offset);
  if (error.offset >= text.length) return `${base}, found the end of the file`;
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  return `${base}, found '${found}'`;
}

const COMMENT_MESSAGE = 'comments are not allowed: dockerd parses daemon.json as strict JSON and refuses to start';
const TRAILING_COMMA_MESSAGE = 'trailing comma: dockerd parses daemon.json as strict JSON and refuses to start';

/**
 * One pass over the characters: comments, trailing commas, and nesting depth (checked before the
 * recursive parser runs, so deep input cannot overflow the stack). A plain character loop rather
 * than jsonc-parser's scanner: it runs on every keystroke and costs a fraction of a token scan.
 * Strings end at a line break, as jsonc-parser's scanner has it.
 */
function scanStrictness(text: string): { problems: JsonProblem[]; maxDepth: number; tooDeepAt: number } {
  const problems: JsonProblem[] = [];
  let depth = 0;
  let maxDepth = 0;
  let tooDeepAt = 0;
  let pendingComma = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x20: case 0x09: case 0x0a: case 0x0d:
        continue;
      case 0x22: /* " */ {
        i++;
        while (i < length) {
          const d = text.charCodeAt(i);
          if (d === 0x5c /* \ */) i += 2;
          else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
          else i++;
        }
        break;
      }
      case 0x2f: /* / */ {
        const next = text.charCodeAt(i + 1);
        if (next !== 0x2f && next !== 0x2a) break;
        const start = i;
        if (next === 0x2f) {
          while (i + 1 < length && text.charCodeAt(i + 1) !== 0x0a && text.charCodeAt(i + 1) !== 0x0d) i++;
        } else {
          const close = text.indexOf('*/', i + 2);
          i = close < 0 ? length - 1 : close + 1;
        }
        problems.push({ span: { start, end: i + 1 }, message: COMMENT_MESSAGE });
        continue; // a comment between a comma and a bracket keeps the comma trailing
      }
      case 0x7b: case 0x5b: /* { [ */
        depth++;
        if (depth > maxDepth) {
          maxDepth = depth;
          if (depth === MAX_JSON_DEPTH + 1) tooDeepAt = i;
        }
        break;
      case 0x7d: case 0x5d: /* } ] */
        depth = Math.max(0, depth - 1);
        if (pendingComma >= 0) problems.push({ span: { start: pendingComma, end: pendingComma + 1 }, message: TRAILING_COMMA_MESSAGE });
        break;
    }
    pendingComma = c === 0x2c /* , */ ? i : -1;
  }
  problems.sort((a, b) => a.span.start - b.span.start);
  return { problems, maxDepth, tooDeepAt };
}
