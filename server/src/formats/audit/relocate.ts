/**
 * A rule read from a line, moved to where the same line now starts: every span shifted by `delta`,
 * with the sharing of the original kept (a watch's `path` is its `-w` option's value, a field's
 * `option` is one of the rule's options). A keystroke moves every line after it; moving their
 * rules costs a copy, not a second reading. test/unit/audit-parse.test.ts checks that a moved rule
 * equals one read at the new place.
 */
import type { Span } from '../../engine/types';
import type { AuditField } from './field-check';
import type { AuditOption } from './getopt';
import type { AuditRule } from './rule';
import type { AuditWord } from './words';

export function relocateRule(rule: AuditRule, delta: number): AuditRule {
  const words = new Map<AuditWord, AuditWord>();
  const word = <W extends AuditWord | undefined>(w: W): W => {
    if (!w) return w;
    let moved = words.get(w);
    if (!moved) {
      moved = w.offsets ? { text: w.text, start: w.start + delta, end: w.end + delta, offsets: w.offsets.map((o) => o + delta) } : { text: w.text, start: w.start + delta, end: w.end + delta };
      words.set(w, moved);
    }
    return moved as W;
  };
  const options = new Map<AuditOption, AuditOption>(rule.options.map((o) => [o, o.value ? { info: o.info, flag: word(o.flag), value: word(o.value) } : { info: o.info, flag: word(o.flag) }]));
  const option = (o: AuditOption) => options.get(o)!;
  const span = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const field = (f: AuditField): AuditField => ({ option: option(f.option), name: word(f.name), operator: word(f.operator), value: word(f.value), info: f.info });
  return {
    type: rule.type,
    span: span(rule.span),
    options: [...options.values()],
    controls: rule.controls.map((c) => ({ option: option(c.option), name: c.name, value: word(c.value) })),
    operation: rule.operation && option(rule.operation),
    list: rule.list,
    action: rule.action,
    path: word(rule.path),
    perms: word(rule.perms),
    syscalls: rule.syscalls.map((s) => ({ word: word(s.word), scope: s.scope })),
    fields: rule.fields.map(field),
    comparisons: rule.comparisons.map(field),
    keys: rule.keys.map(word),
    problems: rule.problems.map((p) => (p.warning ? { span: span(p.span), message: p.message, warning: p.warning } : { span: span(p.span), message: p.message })),
  };
}
