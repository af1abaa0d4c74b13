/**
 * A Compose project's `.env` → its variables, as compose-go's dotenv package reads them: `KEY=value`
 * (or `KEY: value`), an optional `export `, `#` comments (after a space in an unquoted value), single
 * quotes literal, double quotes with `\n`-style escapes, and `${VAR}` of earlier lines expanded in
 * unquoted and double-quoted values. A line it cannot read is skipped: the file is read for the
 * projects it serves and never reported on.
 */
import type { Span } from '../../engine/types';

export interface DotenvVariable {
  /** Undefined when it expands a variable the file does not set (the shell's, unknown here). */
  value?: string;
  /** The whole `KEY=value` line. */
  span: Span;
}

export interface DotenvFile {
  kind: 'compose-env';
  path: string;
  text: string;
  /** Always empty: a `.env` is judged through the projects that read it, never on its own. */
  syntaxErrors: [];
  variables: Map<string, DotenvVariable>;
}

const LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:][ \t]*(.*)$/;

export function parseDotenv(path: string, text: string): DotenvFile {
  const variables = new Map<string, DotenvVariable>();
  const lookup = (name: string) => variables.get(name)?.value;
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const start = offset;
    offset += lines[i].length + 1;
    const line = lines[i].replace(/\r$/, '');
    const match = LINE.exec(line);
    if (!match) continue;
    const [, name, raw] = match;
    let value: string | undefined;
    let end = start + line.length;
    const quote = raw[0];
    if (quote === "'" || quote === '"') {
      // A quoted value may run over several lines, up to its closing quote.
      let body = raw.slice(1);
      let close = closingQuote(body, quote);
      while (close < 0 && i + 1 < lines.length) {
        i++;
        body += '\n' + lines[i].replace(/\r$/, '');
        offset += lines[i].length + 1;
        close = closingQuote(body, quote);
      }
      end = offset - 1;
      const inner = close < 0 ? body : body.slice(0, close);
      value = quote === "'" ? inner : expand(unescape(inner), lookup);
    } else {
      value = expand(raw.replace(/(^|[ \t])#.*$/, '').trim(), lookup);
    }
    variables.set(name, { value, span: { start, end } });
  }
  return { kind: 'compose-env', path, text, syntaxErrors: [], variables };
}

function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === '\\') i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

function unescape(value: string): string {
  return value.replace(/\\([\\"nrt$])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c as 'n'] ?? c);
}

/**
 * `${VAR}`, `$VAR` and `${VAR:-default}` of earlier lines; undefined when one names a variable the
 * file does not set (compose-go would read the shell's environment, which a linter does not know).
 */
function expand(value: string | undefined, lookup: (name: string) => string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let unknown = false;
  const expanded = value.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced?: string, fallback?: string, bare?: string) => {
    if (whole === '\\$') return '$';
    const known = lookup(braced ?? bare!);
    if (known !== undefined && known !== '') return known;
    if (fallback !== undefined) return fallback;
    unknown = true;
    return '';
  });
  return unknown ? undefined : expanded;
}
