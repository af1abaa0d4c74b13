/**
 * "Did you mean": the candidates closest to an unknown name, by another spelling (case, `_` for `-`)
 * or by edit distance within a limit that grows with the name's length.
 */

/** Answers by name and candidate list: an unknown name is looked up again on every keystroke. */
const remembered = new Map<string, string[]>();
const REMEMBERED_LIMIT = 4096;

/** The candidates an unknown `name` most likely meant, best first; one entry = one clear candidate. */
export function closeMatches(name: string, candidates: readonly string[]): string[] {
  const key = `${name}\u0000${candidates.join('\u0001')}`;
  let matches = remembered.get(key);
  if (!matches) {
    if (remembered.size >= REMEMBERED_LIMIT) remembered.clear();
    matches = computeCloseMatches(name, candidates);
    remembered.set(key, matches);
  }
  return [...matches];
}

function computeCloseMatches(name: string, candidates: readonly string[]): string[] {
  const normalized = normalize(name);
  const sameSpelling = candidates.filter((c) => normalize(c) === normalized);
  if (sameSpelling.length > 0) return sameSpelling;
  const limit = name.length <= 4 ? 1 : name.length <= 9 ? 2 : 3;
  let best = limit + 1;
  let matches: string[] = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > limit) continue; // cannot be within the limit
    const distance = editDistance(normalized, normalize(candidate));
    if (distance < best) {
      best = distance;
      matches = [candidate];
    } else if (distance === best) {
      matches.push(candidate);
    }
  }
  return matches;
}

function normalize(key: string): string {
  return key.toLowerCase().replace(/_/g, '-');
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const cells = new Uint16Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) cells[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cells[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cells[(i - 1) * width + j] + 1, cells[i * width + j - 1] + 1, cells[(i - 1) * width + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, cells[(i - 2) * width + j - 2] + 1);
      cells[i * width + j] = best;
    }
  }
  return cells[a.length * width + b.length];
}
