/**
 * The shape DG304–DG308 and DG325 share: a service setting whose value `host` puts the container in
 * one of the host's namespaces. Reported at the pair, with the fix that removes it (the container
 * then gets a namespace of its own, which a workload that needs the host's one will notice).
 */
import type { RuleContext } from '../../engine/rule';
import type { ComposeModel } from '../../model/compose/services';
import { removePairFix } from '../../model/compose/fixes';
import { literalOf, setting } from '../../model/compose/values';
import { reportPerPlace, type PlaceHit } from './report';

export function checkHostNamespace(context: RuleContext, { files, services }: ComposeModel, key: string, value: string, messageId: string, fixTitle: string): void {
  const hits: PlaceHit[] = [];
  for (const service of services) {
    const pair = setting(service, key);
    if (!pair || literalOf(pair.value) !== value) continue;
    hits.push({ service, file: pair.value.file, span: pair.span, messageId, fixes: (note) => removePairFix(files, pair, `${fixTitle}${note}`, 'unsafe') });
  }
  reportPerPlace(context, hits);
}
