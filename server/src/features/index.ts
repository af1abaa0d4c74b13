/**
 * Hover and completion without LSP: offsets in, markdown and spans out. One provider per file kind
 * (a new kind adds one entry to PROVIDERS); the hover on a finding's range is the same for every kind.
 */
import type { Finding, FileKind, Span } from '../engine/types';
import type { ParsedFile } from '../engine/workspace';
import { daemonJsonCompletion } from './daemon-json/completion';
import { daemonJsonHover } from './daemon-json/hover';
import { systemdCompletion } from './systemd/completion';
import { systemdHover } from './systemd/hover';

export interface HoverResult {
  markdown: string;
  /** The text the hover is about (a key, a finding's range). */
  span: Span;
}

export interface FeatureContext {
  /** The file's current findings, for the hover on a finding. */
  findings: readonly Finding[];
  /** The dockerd release judged (deprecations depend on it). */
  dockerVersion: string;
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

interface FeatureProvider<F extends ParsedFile> {
  hover?(file: F, offset: number, context: FeatureContext): HoverResult | undefined;
  completion?(file: F, offset: number, context: FeatureContext): CompletionEntry[];
}

type Providers = { [K in FileKind]?: FeatureProvider<Extract<ParsedFile, { kind: K }>> };

const PROVIDERS: Providers = {
  'daemon-json': { hover: daemonJsonHover, completion: daemonJsonCompletion },
  'systemd': { hover: systemdHover, completion: systemdCompletion },
};

function providerFor(file: ParsedFile): FeatureProvider<ParsedFile> | undefined {
  return PROVIDERS[file.kind] as FeatureProvider<ParsedFile> | undefined;
}

/** The findings under the cursor, then what the file kind knows about the text there. */
export function hover(file: ParsedFile, offset: number, context: FeatureContext): HoverResult | undefined {
  const findings = context.findings.filter((f) => f.file === file.path && f.span.start <= offset && offset <= f.span.end);
  const about = providerFor(file)?.hover?.(file, offset, context);
  if (findings.length === 0) return about;
  const parts = findings.map((f) => `**${f.ruleId}** ${f.ruleName} (${f.severity}): ${f.message}\n\n[Documentation for ${f.ruleId}](${f.docsUrl})`);
  if (about) parts.push(about.markdown);
  const span = about?.span ?? findings[0].span;
  return { markdown: parts.join('\n\n---\n\n'), span };
}

export function completion(file: ParsedFile, offset: number, context: FeatureContext): CompletionEntry[] {
  return providerFor(file)?.completion?.(file, offset, context) ?? [];
}
