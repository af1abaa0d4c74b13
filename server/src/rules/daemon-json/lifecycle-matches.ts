/**
 * The removed and deprecated keys and values of one daemon.json (lifecycle.ts), judged at the
 * dockerd release the user targets, each with the fix DG005 and DG006 offer.
 */
import type { FixProposal, Span } from '../../engine/types';
import { removeJsonValue, renameJsonKey } from '../../formats/daemon-json/edits';
import { nodeSpan, type DaemonJsonFile, type JsonProperty } from '../../formats/daemon-json/parse';
import { optionByKey } from '../../model/daemon-options';
import { lifecycleOf, type LifecycleMatch } from '../../model/lifecycle';

export interface LifecycleFinding extends LifecycleMatch {
  /** How the message names it: `"graph"`, `"storage-driver": "aufs"`. */
  what: string;
  /** What to do: `use "data-root"`, `remove it`. */
  advice: string;
  span: Span;
  /** Built only when a fix is asked for (removing a key re-scans the file). */
  fixes: () => FixProposal[];
}

/** DG005 and DG006 both read the matches of one file: computed once per file and version. */
const matchesByFile = new WeakMap<DaemonJsonFile, { dockerVersion: string; found: LifecycleFinding[] }>();

export function lifecycleFindings(file: DaemonJsonFile, dockerVersion: string): LifecycleFinding[] {
  const remembered = matchesByFile.get(file);
  if (remembered?.dockerVersion === dockerVersion) return remembered.found;
  const found = findLifecycleMatches(file, dockerVersion);
  matchesByFile.set(file, { dockerVersion, found });
  return found;
}

function findLifecycleMatches(file: DaemonJsonFile, dockerVersion: string): LifecycleFinding[] {
  const found: LifecycleFinding[] = [];
  for (const property of lastOfEachKey(file.properties)) {
    const value = property.value.value;
    if (property.key === 'storage-opts' && property.value.type === 'array') {
      property.value.children?.forEach((element, index) => {
        const match = lifecycleOf(property.key, element.value, dockerVersion);
        if (!match?.entry.value) return;
        const fix: FixProposal = { title: `Remove "${element.value}" (it has no effect)`, safety: 'safe', edits: removeJsonValue(file.text, [...property.path, index], nodeSpan(element)) };
        found.push({ ...match, what: `The storage option "${match.entry.value}"`, advice: 'remove it', span: nodeSpan(element), fixes: () => [fix] });
      });
      continue;
    }
    const match = lifecycleOf(property.key, value, dockerVersion);
    if (!match) continue;
    if (match.entry.value !== undefined) {
      const successor = match.entry.successor;
      const fixes: FixProposal[] = successor
        ? [{ title: `Use "${successor}" (images and containers of the old driver are no longer visible)`, safety: 'unsafe', edits: [{ offset: property.value.offset, length: property.value.length, content: JSON.stringify(successor) }] }]
        : [];
      found.push({ ...match, what: `"${property.key}": "${match.entry.value}"`, advice: successor ? `use "${successor}"` : 'remove it', span: nodeSpan(property.value), fixes: () => fixes });
      continue;
    }
    found.push({ ...match, what: `"${property.key}"`, advice: match.entry.successor ? `use "${match.entry.successor}"` : 'remove it', span: property.keySpan, fixes: () => keyFixes(file, property, match) });
  }
  return found;
}

function keyFixes(file: DaemonJsonFile, property: JsonProperty, match: LifecycleMatch): FixProposal[] {
  const successor = match.entry.successor;
  const alreadySet = successor !== undefined && file.properties.some((p) => p.key === successor);
  if (successor && !alreadySet) {
    if (optionByKey(successor)?.schema.type === 'array') {
      // The single form became a list: `"host-gateway-ip": "a"` → `"host-gateway-ips": ["a"]`.
      if (property.value.type !== 'string') return [];
      const value = file.text.slice(property.value.offset, property.value.offset + property.value.length);
      return [{ title: `Replace with "${successor}": [${value}]`, safety: 'safe', edits: [...renameJsonKey(property.keySpan, successor), { offset: property.value.offset, length: property.value.length, content: `[${value}]` }] }];
    }
    return [{ title: `Rename to "${successor}"`, safety: 'safe', edits: renameJsonKey(property.keySpan, successor) }];
  }
  // Removing a key dockerd ignores changes nothing; removing one that had an effect needs a decision.
  const noEffect = optionByKey(property.key)?.file === 'ignored';
  const reason = alreadySet ? ` ("${successor}" is already set)` : '';
  return [{ title: `Remove "${property.key}"${reason}`, safety: noEffect ? 'safe' : 'unsafe', edits: removeJsonValue(file.text, property.path) }];
}

/** dockerd keeps the last of duplicate keys; the earlier ones are DG004's. */
function lastOfEachKey(properties: JsonProperty[]): JsonProperty[] {
  const last = new Map(properties.map((p) => [p.key, p]));
  return properties.filter((p) => last.get(p.key) === p);
}
