import { defineRule } from '../../engine/rule';
import type { FixProposal, Severity } from '../../engine/types';
import { SYSTEMD_DIRECTIVES } from '../../formats/systemd/directives.generated';
import { expandsVariables, variableReferences, type UnitProblemCode } from '../../formats/systemd/unit';
import { closeMatches } from '../../schema/suggest';
import { isVendorUnitFile, overridePath } from '../../model/unit-stack';

const PROBLEM_SEVERITY: Record<UnitProblemCode, Severity> = { 'outside-section': 'warning', 'missing-equals': 'error', 'unterminated-continuation': 'error', 'bad-section-header': 'error' };

/** What systemd ignores with a warning (or refuses): the setting the author wrote has no effect. */
export default defineRule({
  meta: {
    id: 'DG207',
    name: 'unit-syntax',
    description: 'A unit line systemd ignores: outside a section, unknown section or directive, bad continuation, a variable where systemd expands none.',
    severity: 'error',
    kinds: ['systemd'],
    reads: 'systemd',
    messages: {
      problem: '{{message}}',
      unknownSection: "unknown section [{{name}}]: systemd ignores it and everything in it (sections of a {{type}} unit: {{allowed}}).",
      unknownDirective: "unknown directive {{name}}= in [{{section}}]: systemd ignores it.{{hint}}",
      literalVariable: 'systemd expands variables only in command lines (ExecStart= and the other Exec…= lines): in {{name}}= "{{reference}}" is taken as written: the value holds those very characters, and where a number, size or path belongs systemd rejects it and ignores the line (or refuses the unit); write the value itself.',
    },
    fix: 'safe',
  },
  check(context, file) {
    if (!file.unit) return;
    for (const problem of file.unit.problems) {
      context.report({ messageId: 'problem', data: { message: problem.message }, at: { file: file.path, span: problem.span }, severity: PROBLEM_SEVERITY[problem.code] });
    }
    const type = file.unitName?.endsWith('.socket') ? 'Socket' : 'Service';
    const sections = new Set(['Unit', 'Install', type]);
    for (const section of file.unit.sections) {
      if (sections.has(section.name) || section.name.startsWith('X-')) continue;
      context.report({ messageId: 'unknownSection', data: { name: section.name, type: type.toLowerCase(), allowed: [...sections].map((s) => `[${s}]`).join(', ') }, at: { file: file.path, span: section.nameSpan }, severity: 'warning' });
    }
    for (const directive of file.unit.directives) {
      if (!expandsVariables(directive)) {
        for (const reference of variableReferences(directive)) {
          context.report({ messageId: 'literalVariable', data: { name: directive.name, reference: reference.text }, at: { file: file.path, span: reference.span }, severity: 'warning' });
        }
      }
      const known = SYSTEMD_DIRECTIVES[directive.section];
      if (!sections.has(directive.section) || !known || known.includes(directive.name) || directive.name.startsWith('X-')) continue;
      const matches = closeMatches(directive.name, known, false);
      // A vendor unit stays as shipped; a drop-in could set the right name, but the typo would stay.
      const vendor = isVendorUnitFile(file.path) && file.unitName !== undefined;
      const fixes: FixProposal[] = matches.length === 1 && !vendor ? [{ title: `Rename to ${matches[0]}=`, safety: 'safe', edits: [{ offset: directive.nameSpan.start, length: directive.nameSpan.end - directive.nameSpan.start, content: matches[0] }] }] : [];
      const vendorHint = vendor ? ` Package upgrades replace this vendor unit: set ${matches.length === 1 ? matches[0] : 'the setting'}= in /${overridePath(file.unitName!)} instead.` : '';
      const hint = (matches.length === 1 ? ` Did you mean ${matches[0]}=?` : '') + vendorHint;
      context.report({ messageId: 'unknownDirective', data: { name: directive.name, section: directive.section, hint }, at: { file: file.path, span: directive.nameSpan }, severity: 'warning', fixes });
    }
  },
});
