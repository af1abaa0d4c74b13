/** The explicit, sorted registry of every rule (ESLint's lib/rules/index.js). */
import type { Rule } from '../engine/rule';
import { PARSE_RULES } from './parse';
import { DAEMON_RULES } from './daemon';
import { SYSTEMD_RULES } from './systemd';

export const RULES: readonly Rule[] = [...PARSE_RULES, ...DAEMON_RULES, ...SYSTEMD_RULES].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
