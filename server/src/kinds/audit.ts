/**
 * Audit rules files, recognised by path, not by extension (`.rules` is also udev, polkit and
 * Suricata): `audit.rules`, `audit-*.rules`, and any `*.rules` in a `rules.d` folder under an
 * `audit` folder. Comments are `#` lines, so pragmas work.
 */
import { defineKind } from '../engine/kind';
import { auditCompletion } from '../features/audit/completion';
import { auditHover } from '../features/audit/hover';
import { parseAudit, type AuditFile } from '../formats/audit/parse';
import { interpretLine, loads } from '../formats/audit/rule';
import { splitRules } from '../formats/audit/words';

const AUDIT_RULES = /(^|\/)(audit\.rules|audit-[^/]*\.rules|audit\/(?:[^/]+\/)*rules\.d\/[^/]+\.rules)$/;

/** True when the first three rules of the text (comments and blank lines aside) are options auditctl accepts. */
function startsWithAuditctlOptions(text: string): boolean {
  const first = splitRules(text).lines.slice(0, 3);
  return first.length > 0 && first.every((line) => {
    const rule = interpretLine(line);
    return rule.options.length > 0 && loads(rule);
  });
}

export default defineKind<AuditFile>({
  name: 'audit',
  title: 'audit rules file',
  matches: (path) => AUDIT_RULES.test(path),
  parse: parseAudit,
  claimsByContent: (path, text) => path.endsWith('.rules') && startsWithAuditctlOptions(text),
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
