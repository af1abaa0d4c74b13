/**
 * A file kind: how a path is recognised, how its text is parsed, where its comments are (for
 * pragmas) and what the editor selects and watches. The kind table (`kinds/index.ts`) is the one
 * place that lists them; detection, parsing, suppressions, the workspace scan, watched globs and
 * the manifest's activation events all read it.
 */
import type { RuleMeta } from './rule';
import type { Finding, Span } from './types';

/** What every parsed file has, whatever its kind; a kind's model adds its own fields. */
export interface ParsedFileBase {
  kind: string;
  path: string;
  text: string;
  /** Problems that keep the file from loading (reported as DG001). */
  syntaxErrors: { span: Span; message: string }[];
}

/** Where comments and statements (directives, assignments) sit in a file. */
export interface CommentLayout {
  comments: Span[];
  statements: Span[];
}

export interface KindModule<F extends ParsedFileBase = ParsedFileBase> {
  /** As `--kind`, rule metadata and RULES.md spell it (`daemon-json`). */
  name: string;
  /** For messages: "daemon.json file", "systemd unit". */
  title: string;
  /** True when a path (forward slashes) is a file of this kind by its name and folders. */
  matches(path: string): boolean;
  /** Text → model with spans; never throws. */
  parse(path: string, text: string): F;
  /**
   * CLI only: true when a file named on the command line, whose path says no kind, is one of these
   * by its content (an audit `*.rules` file whose first lines are auditctl options).
   */
  claimsByContent?(path: string, text: string): boolean;
  /** Comments and statements for pragmas; absent when the format has no comments (daemon.json). */
  comments?(file: F): CommentLayout | undefined;
  /**
   * Where a next-line pragma goes for a finding at `offset` (a line start): absent = that line.
   * An env file's quoted value may span lines, so its pragma goes above the assignment.
   */
  pragmaLine?(file: F, offset: number): number;
  /**
   * False for a kind the CLI's folder walks leave out (a file named on the command line is still
   * linted): `.dockguard.yaml` is the CLI's configuration, and a broken one already stops the run.
   */
  walked?: boolean;
  /**
   * True for a kind read only for the files it serves (a Compose project's `.env`): the CLI's walks
   * read it as context, linted with its machine and never reported.
   */
  context?: boolean;
  /**
   * The files this one reads, by path (resolved as the file's own path is written) and the kind to
   * read each as: a Compose file's `extends.file`, `include` and include `env_file`s. Outside a host
   * tree the machine index joins the loose machines so linked; the front ends read a linked file
   * even when its name matches no kind (`common/base.yml` is read as Compose).
   */
  links?(file: F): FileLink[];
  /** Workspace globs of these files: the server watches them, the manifest activates on them. */
  globs: readonly string[];
  /** Language ids the editor may give these files (activation events). */
  languages: readonly string[];
  /** The `workspaceContains:` activation globs, when narrower than `globs` (default: `globs`). */
  activation?: readonly string[];
  /**
   * Outside a host tree, files of one folder form a machine with the files of the same group:
   * daemon.json and units share `daemon`; a kind without a group stays apart from the others.
   */
  looseGroup?: string;
  /** Hover and completion in the editor, protocol-free (offsets in, markdown and spans out). */
  hover?(file: F, offset: number, context: FeatureContext): HoverResult | undefined;
  completion?(file: F, offset: number, context: FeatureContext): CompletionEntry[];
}

export interface FileLink {
  path: string;
  kind: string;
}

export interface FeatureContext {
  /** The file's current findings, for the hover on a finding. */
  findings: readonly Finding[];
  /** The dockerd release judged (deprecations depend on it). */
  dockerVersion: string;
  /** The rules of the registry in use (a key's documentation names the rules that check it). */
  rules: readonly { meta: RuleMeta }[];
}

export interface HoverResult {
  markdown: string;
  /** The text the hover is about (a key, a finding's range). */
  span: Span;
}

export type CompletionKind = 'key' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line beside the label (the type, the flag). */
  detail?: string;
  documentation?: string;
  /** What replaces `replace` in a client without snippets. */
  text: string;
  /** The same with tab stops (`$1`, `${1|a,b|}`), for clients with snippet support. */
  snippet?: string;
  replace: Span;
}

/** Declares a kind with its parsed-file type inferred. */
export function defineKind<F extends ParsedFileBase>(kind: KindModule<F>): KindModule<F> {
  return kind;
}

/** package.json's activation events for a kind table: each kind's languages, then its files. */
export function activationEvents(kinds: readonly KindModule[]): string[] {
  return kinds.flatMap((kind) => [...kind.languages.map((id) => `onLanguage:${id}`), ...(kind.activation ?? kind.globs).map((glob) => `workspaceContains:${glob}`)]);
}

/** Files a project config adds to kinds by pattern (`compose.files: [deploy/stack.yml]`). */
export interface AddedFiles {
  /** The kind the config gives the file at this absolute path, if any. */
  kindOf(path: string): string | undefined;
}

/**
 * The kind of a path: the first kind of the table that claims it by name, else the kind the
 * governing config's patterns give it (they add files to a kind; they never take one from another).
 */
export function kindOfPath(kinds: readonly KindModule[], path: string, added?: AddedFiles): KindModule | undefined {
  const normalized = path.replace(/\\/g, '/');
  const claimed = kinds.find((kind) => kind.matches(normalized));
  if (claimed || !added) return claimed;
  const name = added.kindOf(path);
  return name === undefined ? undefined : kinds.find((kind) => kind.name === name);
}
