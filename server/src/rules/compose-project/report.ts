/**
 * How DG3xx rules report. A setting written once but reaching several services (an anchor, a merge
 * key, an extended service) is one finding at its text, with related information naming each service
 * it reaches; a setting that is missing is reported at the service's key, never on a partial service.
 */
import type { RuleContext } from '../../engine/rule';
import type { FixProposal, RelatedInformation, Severity, Span } from '../../engine/types';
import { sharedBy, sharedNote } from '../../model/compose/fixes';
import type { Service } from '../../model/compose/services';

export interface PlaceHit {
  service: Service;
  /** The file and text that set the value. */
  file: string;
  span: Span;
  messageId: string;
  data?: Record<string, string | number>;
  severity?: Severity;
  /** Related information beyond the services sharing the text (the daemon setting the message speaks of). */
  related?: RelatedInformation[];
  /** Builds the fixes; `note` says which services share the edited text ('' when none do). */
  fixes?: (note: string) => FixProposal[];
}

export function reportPerPlace(context: RuleContext, hits: readonly PlaceHit[]): void {
  const groups = new Map<string, PlaceHit[]>();
  for (const hit of hits) {
    const key = `${hit.file}\u0000${hit.span.start}\u0000${hit.span.end}\u0000${hit.messageId}`;
    const group = groups.get(key);
    if (group) group.push(hit);
    else groups.set(key, [hit]);
  }
  for (const group of groups.values()) {
    const [first] = group;
    const services = [...new Set(group.map((h) => h.service))];
    const shared = sharedBy(services, first);
    context.report({
      messageId: first.messageId,
      data: first.data,
      severity: first.severity,
      at: { file: first.file, span: first.span },
      related: [
        ...(first.related ?? []),
        ...shared.map((s) => ({ location: { file: s.file, span: s.keySpan }, message: `service "${s.name}" gets this setting` })),
        ...services.flatMap((s) => otherDefinitions(s, first.file, shared.includes(s) ? s.file : undefined)),
      ],
      fixes: first.fixes && (() => first.fixes!(sharedNote(shared))),
    });
  }
}

/** A finding about a setting the service lacks, at its key; silent on a partial service. */
export function reportMissing(context: RuleContext, service: Service, messageId: string, fixes?: () => FixProposal[], data?: Record<string, string | number>, related?: RelatedInformation[]): void {
  if (service.partial) return;
  context.report({ messageId, data: { service: service.name, ...data }, at: { file: service.file, span: service.keySpan }, related: [...(related ?? []), ...otherDefinitions(service, service.file)], fixes });
}

/** The service's definitions in the project's other files (its overrides, its base), which Compose merges with this one. */
function otherDefinitions(service: Service, file: string, alsoSkip?: string) {
  return service.parts
    .filter((p) => p.file !== file && p.file !== alsoSkip)
    .map((p) => ({ location: { file: p.file, span: p.keySpan }, message: `service "${service.name}" is also defined here; Compose merges the definitions` }));
}
