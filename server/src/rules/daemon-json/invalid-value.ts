import { getNodeValue } from 'jsonc-parser';
import type { RuleContext } from '../../engine/rule';
import type { DaemonJsonFile } from '../../formats/daemon-json/parse';
import type { JsonValue } from '../../model/daemon-config';
import { formatPath, schemaProblems, validAt, type SchemaProblem } from '../../schema/validate';

/** Keys whose values dockerd decodes as strings though they read as numbers: `"max-file": "3"`, `"64M"`. */
const STRING_ENCODED = new Set(['log-opts', 'default-network-opts', 'default-shm-size']);

/** daemon.json: a value of the wrong type, out of range or not allowed: dockerd refuses to start with it. */
export function reportInvalidValues(context: RuleContext, file: DaemonJsonFile): void {
  for (const problem of schemaProblems(file)) {
    if (problem.kind !== 'invalid') continue;
    const repaired = repair(problem);
    const fixes = repaired !== undefined && validAt(file, problem.path, repaired)
      ? [{ title: `Replace with ${JSON.stringify(repaired)}`, safety: 'safe' as const, edits: [{ offset: problem.span.start, length: problem.span.end - problem.span.start, content: JSON.stringify(repaired) }] }]
      : [];
    context.report({ messageId: 'invalid', data: { path: formatPath(problem.path), problem: problem.problem }, at: { file: file.path, span: problem.span }, fixes });
  }
}


/** The value the user evidently meant, only where dockerd would read it the same way. */
function repair(problem: SchemaProblem): JsonValue | undefined {
  const value = getNodeValue(problem.node) as JsonValue;
  const { type } = problem.schema;
  if (type === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  if (type === 'integer' && typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean') && STRING_ENCODED.has(String(problem.path[0]))) return String(value);
  // A single string where dockerd wants a list of strings: `"hosts": "fd://"` → `["fd://"]`.
  if (type === 'array' && typeof value === 'string' && (problem.schema.items as { type?: string } | undefined)?.type === 'string') return [value];
  if (typeof value === 'string' && Array.isArray(problem.schema.enum)) {
    const sameLetters = problem.schema.enum.filter((e): e is string => typeof e === 'string' && e.toLowerCase() === value.trim().toLowerCase());
    if (sameLetters.length === 1) return sameLetters[0];
  }
  return undefined;
}
