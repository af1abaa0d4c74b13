/** A problem auditctl (or the kernel) has with a line, at the offending text. */
import type { Span } from '../../engine/types';

export interface AuditProblem {
  span: Span;
  message: string;
  /** auditctl loads the line but warns: the rule will not do what it says. */
  warning?: boolean;
}

/** Records a problem at a span (a word is one: only its offsets are kept). */
export function report(problems: AuditProblem[], at: Span, message: string, warning?: boolean): void {
  const span = { start: at.start, end: at.end };
  problems.push(warning ? { span, message, warning } : { span, message });
}
