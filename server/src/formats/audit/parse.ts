/**
 * An audit rules file (`audit.rules`, a `rules.d/*.rules` fragment) → its rules, one per line, each
 * with spans for every option and value and the problems auditctl would refuse it for. Never throws.
 */
import type { Span } from '../../engine/types';
import { interpretLine, type AuditProblem, type AuditRule } from './rule';
import { relocateRule } from './relocate';
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
 * Each file's rules of its last parse, by the text of their line, with where the line started. A
 * keystroke changes one line: the rules of the lines before it are reused as they are (nothing
 * mutates a rule once read), those after it are moved, not read again. Bounded to the files most
 * recently parsed.
 */
type Remembered = Map<string, { start: number; rule: AuditRule }>;
const lastRules = new Map<string, Remembered>();
const REMEMBERED_FILES = 256;

export function parseAudit(path: string, text: string): AuditFile {
  const before = lastRules.get(path);
  const now: Remembered = new Map();
  const rules: AuditRule[] = [];
  const comments: Span[] = [];
  forEachLine(text, (start, end) => {
    const line = text.slice(start, end);
    const known = before?.get(line);
    let rule: AuditRule | undefined;
    if (known) rule = known.start === start ? known.rule : relocateRule(known.rule, start - known.start);
    else {
      const words = readLine(text, start, end);
      if (words === 'comment') comments.push(commentSpan(text, start, end));
      else if (words) rule = interpretLine(words);
    }
    if (!rule) return;
    rules.push(rule);
    now.set(line, { start, rule });
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
