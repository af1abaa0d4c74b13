/** The shape DG327–DG329 share: a setting that is worth a look whenever a service sets it (or sets it to one value). */
import type { RuleContext } from '../../engine/rule';
import type { ComposeModel } from '../../model/compose/services';
import { literalOf, setting } from '../../model/compose/values';
import { reportPerPlace, type PlaceHit } from './report';

export function checkPresentSetting(context: RuleContext, { services }: ComposeModel, key: string, messageId: string, value?: string): void {
  const hits: PlaceHit[] = [];
  for (const service of services) {
    const pair = setting(service, key);
    if (!pair || (value !== undefined && literalOf(pair.value) !== value)) continue;
    hits.push({ service, file: pair.value.file, span: pair.span, messageId });
  }
  reportPerPlace(context, hits);
}
