/**
 * What a daemon.json key is, as markdown: the option table's description, type, default and flags,
 * the CIS item of the rules that judge it, and its deprecation at the dockerd release judged.
 */
import { lifecycleOf, LIFECYCLE } from '../../model/lifecycle';
import { optionByKey, type DaemonOption, type JsonSchema } from '../../model/daemon-options';
import type { FeatureContext } from '../../engine/kind';

/** A schema's type in words: `boolean`, `string: one of "a", "b"`, `array of string`. */
export function describeSchema(schema: JsonSchema): string {
  const choices = enumValues(schema);
  if (choices.length > 0) return `one of ${choices.map((c) => `"${c}"`).join(', ')}`;
  const type = schema.type;
  if (type === 'array' && typeof schema.items === 'object' && schema.items !== null && !Array.isArray(schema.items)) {
    return `array of ${describeSchema(schema.items as JsonSchema)}`;
  }
  return typeof type === 'string' ? type : 'value';
}

/**
 * The allowed values a schema names (`enum`, or `examples` for dockerd's any-case values); dockerd's
 * default first when given, so a completion offers it before rarer values (log-level: info, not panic).
 */
export function enumValues(schema: JsonSchema, defaultValue?: unknown): string[] {
  const list = Array.isArray(schema.enum) ? schema.enum : Array.isArray(schema.examples) ? schema.examples : [];
  const values = list.filter((v): v is string => typeof v === 'string' && v !== '');
  return values.includes(defaultValue as string) ? [defaultValue as string, ...values.filter((v) => v !== defaultValue)] : values;
}

/** The rules whose messages name the key, with their CIS item (e.g. DG103 → CIS 2.2). */
function rulesAbout(key: string, rules: FeatureContext['rules']): string[] {
  return rules.filter((rule) => Object.values(rule.meta.messages).some((m) => m.includes(`"${key}"`))).map((rule) => {
    const cis = rule.meta.cis ? `CIS ${rule.meta.cis['v1.6.0']} · ` : '';
    return `${cis}checked by ${rule.meta.id} (${rule.meta.name})`;
  });
}

function lifecycleNote(key: string, value: unknown, dockerVersion: string): string | undefined {
  const match = lifecycleOf(key, value, dockerVersion);
  if (!match) return undefined;
  const { entry, status } = match;
  const subject = entry.value === undefined ? `\`${key}\`` : `\`"${key}": "${entry.value}"\``;
  const when = status === 'removed' ? `removed in dockerd ${entry.removedIn} (dockerd refuses to start)` : `deprecated since dockerd ${entry.deprecatedIn}`;
  const successor = entry.successor ? ` Use \`${entry.successor}\` instead.` : '';
  return `**${status === 'removed' ? 'Removed' : 'Deprecated'}:** ${subject} is ${when}: ${entry.note}.${successor}`;
}

/** Markdown for a root key of daemon.json, or undefined for a key dockerd does not know. */
export function keyDocumentation(key: string, value: unknown, context: Pick<FeatureContext, 'dockerVersion' | 'rules'>): string | undefined {
  const option: DaemonOption | undefined = optionByKey(key);
  const lifecycle = lifecycleNote(key, value, context.dockerVersion);
  if (!option) return LIFECYCLE.some((e) => e.key === key) ? `**\`${key}\`**\n\n${lifecycle ?? ''}`.trim() : undefined;
  const facts = [describeSchema(option.schema)];
  if (option.default !== undefined) facts.push(`default \`${JSON.stringify(option.default)}\``);
  if (option.flags.length > 0) facts.push(`flag ${option.flags.map((f) => `\`${f}\``).join(', ')}`);
  const lines = [`**\`${key}\`** · ${facts.join(' · ')}`, option.description];
  const notes: string[] = [];
  if (option.file === 'ignored') notes.push('dockerd accepts this key but nothing reads it.');
  notes.push(option.reloads ? 'Reloaded on SIGHUP (`systemctl reload docker`).' : 'Takes effect when dockerd restarts.');
  if (option.since) notes.push(`Since dockerd ${option.since}.`);
  lines.push(notes.join(' '));
  lines.push(...rulesAbout(key, context.rules));
  if (lifecycle) lines.push(lifecycle);
  return lines.join('\n\n');
}

/** Markdown for a member of an object-valued key (`log-opts.max-size`), from the option's schema. */
export function memberDocumentation(key: string, member: string): string | undefined {
  const schema = memberSchema(key, member);
  if (!schema) return undefined;
  const description = typeof schema.description === 'string' ? `\n\n${schema.description}` : '';
  return `**\`${key}.${member}\`** · ${describeSchema(schema)}${description}`;
}

export function memberSchema(key: string, member: string): JsonSchema | undefined {
  const properties = optionByKey(key)?.schema.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return undefined;
  const schema = (properties as Record<string, unknown>)[member];
  return typeof schema === 'object' && schema !== null ? (schema as JsonSchema) : undefined;
}
