/**
 * The shape DG314–DG316 share: a resource limit the service sets in none of the places Compose reads
 * it from (a service key or `deploy.resources.limits`). Only the user knows the right size, so the
 * fix is display-only: it shows the line to write.
 */
import type { RuleContext } from '../../engine/rule';
import type { ComposeModel } from '../../model/compose/services';
import { member } from '../../formats/compose/yaml-tree';
import { addSettingFix } from '../../model/compose/fixes';
import { setting } from '../../model/compose/values';
import { reportMissing } from './report';

export interface LimitCheck {
  /** Service keys that set the limit (`mem_limit`). */
  keys: readonly string[];
  /** The key under `deploy.resources.limits` (`memory`). */
  deployKey: string;
  /** The pair a user would add: the first key and an example value. */
  example: string;
}

export function checkLimit(context: RuleContext, { files, services }: ComposeModel, check: LimitCheck): void {
  for (const service of services) {
    if (check.keys.some((key) => setting(service, key))) continue;
    if (member(member(member(setting(service, 'deploy')?.value, 'resources')?.value, 'limits')?.value, check.deployKey)) continue;
    const title = `Add "${check.keys[0]}: ${check.example}" (choose the value the service needs)`;
    reportMissing(context, service, 'missing', () => addSettingFix(files, service, check.keys[0], check.example, title, 'display-only'));
  }
}
