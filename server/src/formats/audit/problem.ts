/** A problem auditctl (or the kernel) has with a line, at the offending text. */
import type { Span } from '../../engine/types';

export interface AuditProblem {
  span: Span;
  message: string;
  /** auditctl loads the line but warns: the rule will not do what it says. */
  warning?: boolean;
}

export function report(problems: AuditProblem[], span: Span, message: string, warning?: boolean): void {
  problems.push(warning ? { span, message, warning } : { span, message });
}
