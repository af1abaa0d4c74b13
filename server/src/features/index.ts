/**
 * Hover and completion without LSP: offsets in, markdown and spans out. Each kind module brings its
 * own providers; the hover on a finding's range is the same for every kind.
 */
import type { FeatureContext, HoverResult, KindModule, ParsedFileBase, CompletionEntry } from '../engine/kind';

/** The findings under the cursor, then what the file kind knows about the text there. */
export function hover(kind: KindModule, file: ParsedFileBase, offset: number, context: FeatureContext): HoverResult | undefined {
  const findings = context.findings.filter((f) => f.file === file.path && f.span.start <= offset && offset <= f.span.end);
  const about = kind.hover?.(file, offset, context);
  if (findings.length === 0) return about;
  const parts = findings.map((f) => `**${f.ruleId}** ${f.ruleName} (${f.severity}): ${f.message}\n\n[Documentation for ${f.ruleId}](${f.docsUrl})`);
  if (about) parts.push(about.markdown);
  const span = about?.span ?? findings[0].span;
  return { markdown: parts.join('\n\n---\n\n'), span };
}

export function completion(kind: KindModule, file: ParsedFileBase, offset: number, context: FeatureContext): CompletionEntry[] {
  return kind.completion?.(file, offset, context) ?? [];
}
