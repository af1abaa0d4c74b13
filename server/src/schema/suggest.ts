/**
 * "Did you mean" for an unknown daemon.json key: a dockerd flag name written as a key (`log-opt` →
 * `log-opts`), else the engine's close matches (another spelling such as `Live_Restore`, or the
 * closest key by edit distance).
 */
import { closeMatches as closeNames } from '../engine/close-matches';
import { optionByFlag } from '../model/daemon-options';

export { editDistance } from '../engine/close-matches';

/** The keys an unknown `name` most likely meant, best first; one entry = one clear candidate. */
export function closeMatches(name: string, candidates: readonly string[], topLevel: boolean): string[] {
  if (topLevel) {
    const option = optionByFlag(`--${name}`);
    if (option && option.key !== name && candidates.includes(option.key)) return [option.key];
  }
  return closeNames(name, candidates);
}
