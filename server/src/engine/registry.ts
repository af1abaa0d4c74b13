/**
 * What the engine runs with: the kind table, the model table and the rules. The front ends pass one
 * in (`server/src/registry.ts` is the default), so a test can lint with a toy kind or a single rule.
 */
import type { KindModule } from './kind';
import type { ModelProvider } from './machine';
import { modelsRead, type Rule } from './rule';
import { INTERNAL_ERROR_ID } from './types';

export interface Registry {
  readonly kinds: readonly KindModule[];
  readonly models: ReadonlyMap<string, ModelProvider>;
  /** Sorted by id. */
  readonly rules: readonly Rule[];
  readonly rulesById: ReadonlyMap<string, Rule>;
  readonly kindsByName: ReadonlyMap<string, KindModule>;
  /** Every rule id a config or pragma may name: the rules' and DG000 (kept by `withRules`). */
  readonly ruleIds: ReadonlySet<string>;
}

/** Models the engine itself provides. */
const ENGINE_MODELS = new Set(['file', 'suppressions']);

export function createRegistry(parts: { kinds: readonly KindModule[]; models: readonly ModelProvider[]; rules: readonly Rule[]; ruleIds?: ReadonlySet<string> }): Registry {
  const kindsByName = new Map(parts.kinds.map((kind) => [kind.name, kind]));
  const models = new Map<string, ModelProvider>(parts.models.map((model) => [model.name, model]));
  const rules = [...parts.rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  for (const rule of rules) {
    for (const reads of modelsRead(rule.meta)) {
      if (!ENGINE_MODELS.has(reads) && !models.has(reads) && !kindsByName.has(reads)) throw new Error(`${rule.meta.id} reads '${reads}', which no kind or model provides`);
    }
  }
  const ruleIds = parts.ruleIds ?? new Set([...rules.map((rule) => rule.meta.id), INTERNAL_ERROR_ID]);
  return { kinds: parts.kinds, models, rules, rulesById: new Map(rules.map((rule) => [rule.meta.id, rule])), kindsByName, ruleIds };
}

/** Every rule id a config may name. */
export function knownRuleIds(registry: Registry): ReadonlySet<string> {
  return registry.ruleIds;
}

/**
 * A registry with the same kinds and models and only `rules` (a rule tester runs one rule alone);
 * a config naming the others' ids is still valid.
 */
export function withRules(registry: Registry, rules: readonly Rule[]): Registry {
  return createRegistry({ kinds: registry.kinds, models: [...registry.models.values()], rules, ruleIds: registry.ruleIds });
}
