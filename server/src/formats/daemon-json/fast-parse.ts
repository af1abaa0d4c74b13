/**
 * A one-pass parser for strict JSON (RFC 8259), the form dockerd accepts and almost every
 * daemon.json is in. It builds the very tree jsonc-parser's `parseTree` builds (same node types,
 * offsets, lengths, values, `colonOffset`, `parent` links) at a fraction of the cost, because it runs
 * on every keystroke. It accepts only what it is sure of and returns undefined for anything else —
 * a syntax error, a comment, a trailing comma, whitespace other than space/tab/CR/LF (a BOM, NBSP),
 * a control character in a string, nesting past the depth limit — so the caller falls back to
 * jsonc-parser, which keeps its error messages and recovery.
 */
import type { Node, NodeType } from 'jsonc-parser';

/** Thrown inside the parser to give up; never escapes `parseStrictJson`. */
const DECLINE = Symbol('decline');

/** The tree of `text` when it is one strict JSON value nested at most `maxDepth` deep, else undefined. */
export function parseStrictJson(text: string, maxDepth: number): Node | undefined {
  try {
    return new StrictParser(text, maxDepth).document();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** The fields jsonc-parser sets; `Node` declares them read-only, the builder fills them in. */
interface MutableNode {
  type: NodeType;
  offset: number;
  length: number;
  parent?: MutableNode;
  children?: MutableNode[];
  value?: unknown;
  colonOffset?: number;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Characters a string holds as they are: up to a quote, a backslash or a control character. */
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;

const ESCAPES: Partial<Record<number, string>> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

class StrictParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string, private readonly maxDepth: number) {}

  document(): Node {
    this.skipWhitespace();
    const root = this.value(undefined);
    this.skipWhitespace();
    if (this.pos !== this.text.length) throw DECLINE;
    // jsonc-parser leaves the root without a `parent` property at all.
    delete root.parent;
    return root as Node;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  private value(parent: MutableNode | undefined): MutableNode {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: /* { */ return this.object(parent);
      case 0x5b: /* [ */ return this.array(parent);
      case 0x22: /* " */ {
        const offset = this.pos;
        const value = this.string();
        return { type: 'string', offset, length: this.pos - offset, parent, value };
      }
      case 0x74: /* t */ return this.literal(parent, 'true', 'boolean', true);
      case 0x66: /* f */ return this.literal(parent, 'false', 'boolean', false);
      case 0x6e: /* n */ return this.literal(parent, 'null', 'null', null);
      default:
        if (c === 0x2d /* - */ || isDigit(c)) return this.number(parent);
        throw DECLINE;
    }
  }

  private object(parent: MutableNode | undefined): MutableNode {
    const offset = this.pos;
    const node: MutableNode = { type: 'object', offset, length: -1, parent, children: [] };
    this.enter();
    this.pos++;
    this.skipWhitespace();
    const text = this.text;
    if (text.charCodeAt(this.pos) !== 0x7d /* } */) {
      for (;;) {
        if (text.charCodeAt(this.pos) !== 0x22) throw DECLINE;
        const keyOffset = this.pos;
        const property: MutableNode = { type: 'property', offset: keyOffset, length: -1, parent: node, children: [] };
        const key = this.string();
        property.children!.push({ type: 'string', value: key, offset: keyOffset, length: this.pos - keyOffset, parent: property });
        this.skipWhitespace();
        if (text.charCodeAt(this.pos) !== 0x3a /* : */) throw DECLINE;
        property.colonOffset = this.pos;
        this.pos++;
        this.skipWhitespace();
        const value = this.value(property);
        property.children!.push(value);
        property.length = value.offset + value.length - keyOffset;
        node.children!.push(property);
        if (this.atListEnd(0x7d /* } */)) break;
      }
    }
    return this.leave(node);
  }

  private array(parent: MutableNode | undefined): MutableNode {
    const offset = this.pos;
    const node: MutableNode = { type: 'array', offset, length: -1, parent, children: [] };
    this.enter();
    this.pos++;
    this.skipWhitespace();
    const text = this.text;
    if (text.charCodeAt(this.pos) !== 0x5d /* ] */) {
      for (;;) {
        node.children!.push(this.value(node));
        if (this.atListEnd(0x5d /* ] */)) break;
      }
    }
    return this.leave(node);
  }

  /** After a member or an element: true at the closing bracket `close`, else past the comma to the next one. */
  private atListEnd(close: number): boolean {
    this.skipWhitespace();
    const next = this.text.charCodeAt(this.pos);
    if (next === close) return true;
    if (next !== 0x2c /* , */) throw DECLINE;
    this.pos++;
    this.skipWhitespace();
    return false;
  }

  /** Past the closing bracket of `node`, one level up again. */
  private leave(node: MutableNode): MutableNode {
    this.pos++;
    this.depth--;
    node.length = this.pos - node.offset;
    return node;
  }

  /** One level deeper; past the limit the caller's fallback reports the nesting. */
  private enter(): void {
    if (++this.depth > this.maxDepth) throw DECLINE;
  }

  private literal(parent: MutableNode | undefined, word: string, type: NodeType, value: boolean | null): MutableNode {
    const offset = this.pos;
    if (!this.text.startsWith(word, offset)) throw DECLINE;
    this.pos += word.length;
    return { type, offset, length: word.length, parent, value };
  }

  /** `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, valued as jsonc-parser does: `Number(token)`. */
  private number(parent: MutableNode | undefined): MutableNode {
    const text = this.text;
    const offset = this.pos;
    let pos = offset;
    if (text.charCodeAt(pos) === 0x2d) pos++;
    const first = text.charCodeAt(pos);
    if (first === 0x30) pos++;
    else if (isDigit(first)) while (isDigit(text.charCodeAt(pos))) pos++;
    else throw DECLINE;
    if (text.charCodeAt(pos) === 0x2e /* . */) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) throw DECLINE;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === 0x65 || e === 0x45) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 0x2b || sign === 0x2d) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw DECLINE;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    this.pos = pos;
    return { type: 'number', offset, length: pos - offset, parent, value: Number(text.slice(offset, pos)) };
  }

  /** A string token starting at `pos` (on its opening quote); leaves `pos` after the closing quote. */
  private string(): string {
    const text = this.text;
    let pos = this.pos + 1;
    let chunkStart = pos;
    let decoded = '';
    for (;;) {
      PLAIN_RUN.lastIndex = pos;
      PLAIN_RUN.test(text);
      pos = PLAIN_RUN.lastIndex;
      const c = text.charCodeAt(pos);
      if (c === 0x22) break;
      if (c === 0x5c /* \ */) {
        decoded += text.slice(chunkStart, pos);
        const escape = text.charCodeAt(pos + 1);
        if (escape === 0x75 /* u */) {
          let code = 0;
          for (let i = 2; i < 6; i++) {
            const digit = hexValue(text.charCodeAt(pos + i));
            if (digit < 0) throw DECLINE;
            code = code * 16 + digit;
          }
          // Code unit by code unit, as jsonc-parser does: a lone surrogate stays one.
          decoded += String.fromCharCode(code);
          pos += 6;
        } else {
          const plain = ESCAPES[escape];
          if (plain === undefined) throw DECLINE;
          decoded += plain;
          pos += 2;
        }
        chunkStart = pos;
        continue;
      }
      // A control character (jsonc-parser reports it), or the text ended inside the string.
      throw DECLINE;
    }
    this.pos = pos + 1;
    return decoded + text.slice(chunkStart, pos);
  }
}
