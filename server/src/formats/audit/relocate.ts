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

/** What one move knows: the shift, and the words and options already moved (to keep their sharing). */
interface Move {
  delta: number;
  words: Map<AuditWord, AuditWord>;
  options: Map<AuditOption, AuditOption>;
}

function moveWord<W extends AuditWord | undefined>(move: Move, w: W): W {
  if (!w) return w;
  let moved = move.words.get(w);
  if (!moved) {
    const { delta } = move;
    moved = w.offsets ? { text: w.text, start: w.start + delta, end: w.end + delta, offsets: w.offsets.map((o) => o + delta) } : { text: w.text, start: w.start + delta, end: w.end + delta };
    move.words.set(w, moved);
  }
  return moved as W;
}

function moveOption(move: Move, o: AuditOption): AuditOption {
  let moved = move.options.get(o);
  if (!moved) {
    moved = o.value ? { info: o.info, flag: moveWord(move, o.flag), value: moveWord(move, o.value) } : { info: o.info, flag: moveWord(move, o.flag) };
    move.options.set(o, moved);
  }
  return moved;
}

function moveSpan(move: Move, s: Span): Span {
  return { start: s.start + move.delta, end: s.end + move.delta };
}

function moveField(move: Move, f: AuditField): AuditField {
  return { option: moveOption(move, f.option), name: moveWord(move, f.name), operator: moveWord(move, f.operator), value: moveWord(move, f.value), info: f.info };
}

export function relocateRule(rule: AuditRule, delta: number): AuditRule {
  const move: Move = { delta, words: new Map(), options: new Map() };
  const options = rule.options.map((o) => moveOption(move, o));
  return {
    type: rule.type,
    span: moveSpan(move, rule.span),
    options,
    controls: rule.controls.map((c) => ({ option: moveOption(move, c.option), name: c.name, value: moveWord(move, c.value) })),
    operation: rule.operation && moveOption(move, rule.operation),
    list: rule.list,
    action: rule.action,
    path: moveWord(move, rule.path),
    perms: moveWord(move, rule.perms),
    syscalls: rule.syscalls.map((s) => ({ word: moveWord(move, s.word), scope: s.scope })),
    fields: rule.fields.map((f) => moveField(move, f)),
    comparisons: rule.comparisons.map((c) => moveField(move, c)),
    keys: rule.keys.map((k) => moveWord(move, k)),
    problems: rule.problems.map((p) => (p.warning ? { span: moveSpan(move, p.span), message: p.message, warning: p.warning } : { span: moveSpan(move, p.span), message: p.message })),
  };
}
