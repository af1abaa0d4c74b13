/**
 * An audit rules file (`audit.rules`, a `rules.d/*.rules` fragment) → its rules, one per line, each
 * with spans for every option and value and the problems auditctl would refuse it for. Never throws.
 */
import type { Span } from '../../engine/types';
import { interpretLine, type AuditProblem, type AuditRule } from './rule';
import { commentSpan, forEachLine, readLine } from './words';

export interface AuditFile {
  kind: 'audit';
  path: string;
  text: string;
  /** Only bytes that do not decode (DG001); what auditctl refuses is in each rule's `problems` (DG402). */
  syntaxErrors: { span: Span; message: string }[];
  rules: AuditRule[];
  /** Comment lines (pragmas live here). */
  comments: Span[];
}

/**
 * Each file's rules of its last parse, by line start, with the line they were read from. A keystroke
 * changes one line: the rules of the lines before it (same offset, same text) are reused as they
 * are, since nothing mutates a rule once read. Bounded to the files most recently parsed.
 */
const lastRules = new Map<string, Map<number, { line: string; rule: AuditRule }>>();
const REMEMBERED_FILES = 256;

export function parseAudit(path: string, text: string): AuditFile {
  const before = lastRules.get(path);
  const now = new Map<number, { line: string; rule: AuditRule }>();
  const rules: AuditRule[] = [];
  const comments: Span[] = [];
  forEachLine(text, (start, end) => {
    const line = text.slice(start, end);
    const known = before?.get(start);
    if (known && known.line === line) {
      rules.push(known.rule);
      now.set(start, known);
      return;
    }
    const words = readLine(text, start, end);
    if (words === 'comment') comments.push(commentSpan(text, start, end));
    else if (words) {
      const rule = interpretLine(words);
      rules.push(rule);
      now.set(start, { line, rule });
    }
  });
  lastRules.delete(path);
  if (lastRules.size >= REMEMBERED_FILES) lastRules.delete(lastRules.keys().next().value!);
  lastRules.set(path, now);
  return { kind: 'audit', path, text, syntaxErrors: [], rules, comments };
}

/** Every problem of the file's rules, in file order. */
export function auditProblems(file: AuditFile): AuditProblem[] {
  return file.rules.flatMap((r) => r.problems);
}
