/**
 * An audit rules file (`audit.rules`, a `rules.d/*.rules` fragment) → its rules, one per line, each
 * with spans for every option and value and the problems auditctl would refuse it for. Never throws.
 */
import type { Span } from '../../engine/types';
import { interpretLine, type AuditProblem, type AuditRule } from './rule';
import { splitRules } from './words';

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

export function parseAudit(path: string, text: string): AuditFile {
  const split = splitRules(text);
  return { kind: 'audit', path, text, syntaxErrors: [], rules: split.lines.map(interpretLine), comments: split.comments };
}

/** Every problem of the file's rules, in file order. */
export function auditProblems(file: AuditFile): AuditProblem[] {
  return file.rules.flatMap((r) => r.problems);
}
