/**
 * The engine's vocabulary. Everything here is offset-based and knows nothing of LSP:
 * the CLI and the language server convert offsets to line/column at their edges.
 */

/** A kind's name, as the kind table (`kinds/`), `--kind` and rule metadata spell it. */
export type FileKind = string;

/** The finding a rule or fix builder that throws becomes, so the others still run. */
export const INTERNAL_ERROR_ID = 'DG000';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_ORDER: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** What a fix promises (ruff's applicability): see RULES.md "Fix safety". */
export type FixSafety = 'safe' | 'unsafe' | 'display-only';

/** A half-open character range [start, end) in a file's text. */
export interface Span {
  start: number;
  end: number;
}

/** Replace `length` characters at `offset` with `content` (jsonc-parser's Edit shape). */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

/** Edits to a file other than the one the finding is in (e.g. a drop-in created beside a vendor unit). */
export interface FileChange {
  /** Path of the file, as the workspace names it. */
  file: string;
  /** True when the file does not exist yet and the edits create it. */
  create?: boolean;
  edits: TextEdit[];
}

/** A fix as a rule proposes it; the engine checks it against the rule's metadata before it is kept. */
export interface FixProposal {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
  otherFiles?: FileChange[];
}

export interface Fix {
  title: string;
  safety: FixSafety;
  /** Edits to the finding's own file, sorted, non-overlapping. */
  edits: TextEdit[];
  /** Edits to other files, for fixes that span files. */
  otherFiles?: FileChange[];
}

/** Compares dockerd releases, `major.minor`; negative, zero or positive like a sort comparator. */
export function compareVersions(a: string, b: string): number {
  const [amaj = 0, amin = 0] = a.split('.').map(Number);
  const [bmaj = 0, bmin = 0] = b.split('.').map(Number);
  return amaj - bmaj || amin - bmin;
}

export interface Location {
  file: string;
  span: Span;
}

export interface RelatedInformation {
  location: Location;
  message: string;
}

export type FindingTag = 'deprecated' | 'unnecessary';

/** One problem, as both front ends receive it. */
export interface Finding {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  file: string;
  span: Span;
  related: RelatedInformation[];
  fixes: Fix[];
  tags: FindingTag[];
  /** The rule's documentation page (a URL). */
  docsUrl: string;
  /** Set once `fixes` was read when the rule's fix builder threw (reported as DG000). */
  fixError?: string;
  /** The stack of the failure behind a DG000 finding or a `fixError`, for the front ends' logs. */
  stack?: string;
}
