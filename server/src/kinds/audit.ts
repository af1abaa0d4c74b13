/**
 * Audit rules files, recognised by path, not by extension (`.rules` is also udev, polkit and
 * Suricata): `audit.rules`, `audit-*.rules`, and any `*.rules` in a `rules.d` folder under an
 * `audit` folder. Comments are `#` lines, so pragmas work.
 */
import { defineKind } from '../engine/kind';
import { auditCompletion } from '../features/audit/completion';
import { auditHover } from '../features/audit/hover';
import { parseAudit, type AuditFile } from '../formats/audit/parse';

const AUDIT_RULES = /(^|\/)(audit\.rules|audit-[^/]*\.rules|audit\/(?:[^/]+\/)*rules\.d\/[^/]+\.rules)$/;

export default defineKind<AuditFile>({
  name: 'audit',
  title: 'audit rules file',
  matches: (path) => AUDIT_RULES.test(path),
  parse: parseAudit,
  comments: (file) => ({ comments: file.comments, statements: file.rules.map((r) => r.span) }),
  globs: ['**/audit.rules', '**/audit-*.rules', '**/audit/**/rules.d/*.rules'],
  languages: ['audit-rules'],
  hover: auditHover,
  completion: auditCompletion,
});

declare module '../engine/rule' {
  interface RuleModels {
    /** One audit rules file (each line's syntax). */
    'audit': AuditFile;
  }
}
