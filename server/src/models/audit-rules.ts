/**
 * The `audit-rules` model: each rule set of a machine (a rules.d as augenrules merges it, or a file
 * loaded as it stands), with what the machine's tree shows about which Docker paths apply.
 */
import { defineModel } from '../engine/machine';
import type { AuditFile } from '../formats/audit/parse';
import { buildAuditRuleSets, type AuditRuleSet } from '../model/audit-rules';

declare module '../engine/rule' {
  interface RuleModels {
    /** One rule set of a machine, in load order. */
    'audit-rules': AuditRuleSet;
  }
}

export default defineModel({
  name: 'audit-rules',
  build(machine) {
    // A host tree's files, as paths on the host (`h1/etc/default/docker` → `/etc/default/docker`).
    const paths = machine.hostTree ? machine.files.map((f) => `/${f.path.replace(/\\/g, '/').slice(machine.root.length).replace(/^\/+/, '')}`) : [];
    return buildAuditRuleSets(machine.filesOf<AuditFile>('audit'), { paths: new Set(paths) }).map((set) => ({ model: set, file: set.anchor.path }));
  },
});
