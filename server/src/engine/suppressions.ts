/**
 * Comment pragmas (hadolint's `# hadolint ignore=`, ESLint's disable comments), in file kinds that
 * have comments:
 *   # dockguard-disable-next-line DG203, DG204 -- reason   the next non-comment line (a whole directive
 *                                                         when that line starts one)
 *   # dockguard-disable-file DG204 -- reason               the whole file
 * The engine drops the findings a pragma covers and hands the pragma ids that covered nothing to
 * DG009, as ESLint's --report-unused-disable-directives does. Offsets only; no LSP here.
 */
import { isAbsolute, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { CommentLayout, KindModule, ParsedFileBase } from './kind';
import { ruleEnabled, type LintOptions } from './options';
import type { Registry } from './registry';
import { INTERNAL_ERROR_ID, type Finding, type Span, type TextEdit } from './types';

export type PragmaScope = 'next-line' | 'file';

export interface PragmaRule {
  /** As written (`DG203`); matched case-insensitively. */
  id: string;
  span: Span;
}

export interface Pragma {
  scope: PragmaScope;
  /** The whole comment. */
  span: Span;
  rules: PragmaRule[];
  /** Where the ids begin (right after the `dockguard-disable-…` keyword). */
  idsStart: number;
  /** What a next-line pragma covers; undefined for a file pragma, or one with nothing after it. */
  covers?: Span;
  /** The text after ` -- `, if any. */
  reason?: string;
}

/**
 * A finding a pragma (`inSource`) or a config `overrides` entry (`external`) suppressed, kept with
 * the reason for `--report-suppressed` (SARIF's `suppressions[].kind` and `justification`).
 */
export interface SuppressedFinding {
  finding: Finding;
  kind: 'inSource' | 'external';
  reason?: string;
  /** The config entry that suppressed it (`external`). */
  override?: RuleOverride;
}

/** A config `overrides` entry as the engine applies it: patterns relative to the config's folder. */
export interface RuleOverride {
  /** The config file, and the entry's index in its `overrides` (DG009 reports an unused one there). */
  config: string;
  entry: number;
  /** The config file's folder. */
  base: string;
  files: readonly string[];
  rules: readonly string[];
  reason?: string;
}

/** One id of a pragma that suppressed nothing (or names no rule), for DG009. */
export interface UnusedSuppression {
  pragma: Pragma;
  /** For a pragma that names no rule: an empty id spanning the comment. */
  rule: PragmaRule;
  /** False when the id names no dockguard rule. */
  known: boolean;
}

/** A config `overrides` entry that suppressed nothing (or one rule of it that did not), with the edit that removes it. */
export interface UnusedOverride {
  /** Set when only this rule of the entry is unused: the edit removes it from the entry's `rules`. */
  rule?: string;
  rules: readonly string[];
  files: readonly string[];
  span: Span;
  removal: TextEdit;
}

/** What DG009 reads: one file's unused pragma ids, or a config's unused `overrides` entries. */
export interface SuppressionsModel {
  file: ParsedFileBase;
  unused: UnusedSuppression[];
  unusedOverrides?: UnusedOverride[];
}

const PRAGMA = /^[#;][ \t]*dockguard-(disable-next-line|disable-file)(?=$|[ \t])/;

/** The pragmas of a file, in order (none in a kind without comments). */
export function pragmasOf(file: ParsedFileBase, kind: KindModule | undefined): Pragma[] {
  const layout: CommentLayout | undefined = kind?.comments?.(file);
  if (!layout) return [];
  const pragmas: Pragma[] = [];
  for (const comment of layout.comments) {
    const text = file.text.slice(comment.start, comment.end);
    const match = PRAGMA.exec(text);
    if (!match) continue;
    const scope: PragmaScope = match[1] === 'disable-file' ? 'file' : 'next-line';
    const reasonAt = text.indexOf(' --', match[0].length);
    const idsEnd = reasonAt >= 0 ? reasonAt : text.length;
    const rules: PragmaRule[] = [];
    for (const id of text.slice(match[0].length, idsEnd).matchAll(/[^\s,]+/g)) {
      const start = comment.start + match[0].length + id.index!;
      rules.push({ id: id[0], span: { start, end: start + id[0].length } });
    }
    const reason = reasonAt >= 0 ? text.slice(reasonAt + 3).trim() || undefined : undefined;
    pragmas.push({ scope, span: comment, rules, idsStart: comment.start + match[0].length, covers: scope === 'next-line' ? nextLineAfter(file.text, comment, layout) : undefined, reason });
  }
  return pragmas;
}

/** The first line after the comment that is not blank or a comment; a statement starting there is covered whole. */
function nextLineAfter(text: string, comment: Span, layout: CommentLayout): Span | undefined {
  let at = comment.end;
  for (;;) {
    const lineStart = nextLineStart(text, at);
    if (lineStart === undefined) return undefined;
    const lineEnd = lineEndAt(text, lineStart);
    const content = text.slice(lineStart, lineEnd).trimStart();
    const contentStart = lineEnd - content.length;
    if (content === '' || layout.comments.some((c) => c.start === contentStart)) {
      at = lineEnd;
      continue;
    }
    const statement = layout.statements.find((s) => s.start === contentStart);
    return statement ?? { start: contentStart, end: lineEnd };
  }
}

function nextLineStart(text: string, from: number): number | undefined {
  const end = lineEndAt(text, from);
  if (end >= text.length) return undefined;
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
}

function lineEndAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

export const sameId = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * Move the findings covered by the file's pragmas from `findings` to `suppressed` and return the
 * pragma ids that covered nothing. Ids of rules that did not run (`isActive` false: another
 * profile, turned off) are not called unused, since the pragma may serve another configuration.
 */
export function applySuppressions(
  file: ParsedFileBase,
  kind: KindModule | undefined,
  findings: Finding[],
  isKnown: (id: string) => boolean,
  isActive: (id: string) => boolean,
  suppressed: SuppressedFinding[] = [],
): UnusedSuppression[] {
  const pragmas = pragmasOf(file, kind);
  if (pragmas.length === 0) return [];
  const used = new Set<PragmaRule>();
  const kept = findings.filter((finding) => {
    const covering = pragmas.filter((p) => covers(p, finding) && p.rules.some((r) => sameId(r.id, finding.ruleId)));
    for (const pragma of covering) pragma.rules.filter((r) => sameId(r.id, finding.ruleId)).forEach((r) => used.add(r));
    if (covering.length > 0) suppressed.push({ finding, kind: 'inSource', reason: covering.find((p) => p.reason)?.reason });
    return covering.length === 0;
  });
  findings.splice(0, findings.length, ...kept);
  return pragmas.flatMap((pragma) => {
    if (pragma.rules.length === 0) return [{ pragma, rule: { id: '', span: pragma.span }, known: false }];
    return pragma.rules.filter((r) => !used.has(r) && (!isKnown(r.id) || isActive(r.id))).map((rule) => ({ pragma, rule, known: isKnown(rule.id) }));
  });
}

function covers(pragma: Pragma, finding: Finding): boolean {
  if (pragma.scope === 'file') return true;
  return pragma.covers !== undefined && pragma.covers.start <= finding.span.start && finding.span.start <= pragma.covers.end;
}

/** Removes an unused id: the whole pragma line when it is the pragma's only id, else the id and its comma. */
export function unusedSuppressionRemoval(text: string, unused: UnusedSuppression): TextEdit {
  const { pragma, rule } = unused;
  if (pragma.rules.length <= 1) return lineRemoval(text, pragma.span);
  const index = pragma.rules.indexOf(rule);
  // Take the separator after the id (or, for the last id, the one before it).
  const neighbour = index < pragma.rules.length - 1 ? pragma.rules[index + 1] : pragma.rules[index - 1];
  const start = index < pragma.rules.length - 1 ? rule.span.start : neighbour.span.end;
  const end = index < pragma.rules.length - 1 ? neighbour.span.start : rule.span.end;
  return { offset: start, length: end - start, content: '' };
}

/** The comment's whole line with its line break (a pragma stands alone on its line). */
export function lineRemoval(text: string, comment: Span): TextEdit {
  let start = comment.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  const end = nextLineStart(text, comment.end) ?? text.length;
  // The last line of a file without a final newline: take the break before it instead.
  if (end === text.length && lineEndAt(text, comment.end) === text.length && start > 0) {
    const breakStart = text[start - 2] === '\r' && text[start - 1] === '\n' ? start - 2 : start - 1;
    return { offset: breakStart, length: end - breakStart, content: '' };
  }
  return { offset: start, length: end - start, content: '' };
}

/**
 * The edit that silences `finding` with a pragma (for the editor's "Disable DGnnn for this line /
 * file" quick fixes): a next-line pragma above the finding's line with that line's indentation, or a
 * file pragma at the top; an existing pragma of the same scope gets the id appended. Undefined for
 * a file kind without comments (daemon.json: use .dockguard.yaml).
 */
export function suppressionEdits(file: ParsedFileBase, kind: KindModule, finding: Finding, scope: PragmaScope): TextEdit | undefined {
  if (!kind.comments?.(file)) return undefined;
  const text = file.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pragmas = pragmasOf(file, kind);
  if (scope === 'file') {
    const existing = pragmas.find((p) => p.scope === 'file');
    if (existing) return appendId(existing, finding.ruleId);
    return { offset: 0, length: 0, content: `# dockguard-disable-file ${finding.ruleId}${eol}` };
  }
  const lineStart = insertionLine(file, kind, finding.span.start);
  const existing = pragmas.find((p) => p.scope === 'next-line' && nextLineStart(text, p.span.end) === lineStart);
  if (existing) return appendId(existing, finding.ruleId);
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return { offset: lineStart, length: 0, content: `${indent}# dockguard-disable-next-line ${finding.ruleId}${eol}` };
}

/** The start of the line the pragma goes above (the kind may move it up, above a multi-line statement). */
function insertionLine(file: ParsedFileBase, kind: KindModule, offset: number): number {
  let start = Math.min(kind.pragmaLine?.(file, offset) ?? offset, file.text.length);
  while (start > 0 && file.text[start - 1] !== '\n' && file.text[start - 1] !== '\r') start--;
  return start;
}

function appendId(pragma: Pragma, ruleId: string): TextEdit {
  const last = pragma.rules[pragma.rules.length - 1];
  return last ? { offset: last.span.end, length: 0, content: `, ${ruleId}` } : { offset: pragma.idsStart, length: 0, content: ` ${ruleId}` };
}

const compiledOverrides = new WeakMap<RuleOverride, Ignore>();

/** True when the config `overrides` entry covers the finding's rule in the finding's file. */
export function overrideCovers(override: RuleOverride, finding: Pick<Finding, 'file' | 'ruleId'>): boolean {
  if (!override.rules.some((id) => sameId(id, finding.ruleId))) return false;
  const rel = relative(override.base, finding.file).split(sep).join('/');
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
  let matcher = compiledOverrides.get(override);
  if (!matcher) compiledOverrides.set(override, (matcher = ignore().add([...override.files])));
  return matcher.ignores(rel);
}

/**
 * Apply the config's `overrides`, then the pragmas of the judged files, to their findings: what
 * they cover moves to `suppressed`. Returns, per file, the pragma ids that covered nothing. Files
 * rules do not judge (nginx.service) keep their pragmas unread.
 */
export function suppressFindings(
  files: readonly ParsedFileBase[],
  findings: Map<string, Finding[]>,
  options: LintOptions,
  registry: Registry,
  suppressed: Map<string, SuppressedFinding[]> = new Map(),
): SuppressionsModel[] {
  const suppressedIn = (path: string) => {
    let list = suppressed.get(path);
    if (!list) suppressed.set(path, (list = []));
    return list;
  };
  for (const [path, list] of findings) {
    if (!options.overrides?.length) break;
    const kept = list.filter((finding) => {
      const override = options.overrides!.find((o) => overrideCovers(o, finding));
      if (override) suppressedIn(path).push({ finding, kind: 'external', reason: override.reason, override });
      return !override;
    });
    list.splice(0, list.length, ...kept);
  }
  const byId = new Map(registry.rules.map((rule) => [rule.meta.id.toUpperCase(), rule]));
  const isKnown = (id: string) => byId.has(id.toUpperCase()) || sameId(id, INTERNAL_ERROR_ID);
  const isActive = (id: string) => {
    const rule = byId.get(id.toUpperCase());
    return rule === undefined || ruleEnabled(rule.meta, options);
  };
  const models: SuppressionsModel[] = [];
  for (const file of files) {
    const list = findings.get(file.path);
    if (!list) continue;
    const unused = applySuppressions(file, registry.kindsByName.get(file.kind), list, isKnown, isActive, suppressedIn(file.path));
    if (unused.length > 0) models.push({ file, unused });
  }
  return models;
}
