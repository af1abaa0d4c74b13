/** The `audit-rules` model: each rule set of a machine (a rules.d as augenrules merges it, or a file loaded as it stands). */
import type { AuditFile } from '../formats/audit/parse';
import type { AuditRuleSet } from '../model/audit-rules';

declare module '../engine/rule' {
  interface RuleModels {
    /** One audit rules file (every line's syntax). */
    'audit': AuditFile;
    /** One rule set of a machine, in load order. */
    'audit-rules': AuditRuleSet;
  }
}
