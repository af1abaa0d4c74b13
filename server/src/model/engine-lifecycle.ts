/**
 * Docker Engine's release lines and whether each still gets fixes: the table DG511 judges an
 * installed engine by. It is data taken from its sources on a date, not something dockguard can
 * know at run time (host mode uses no network), so it says when it was taken.
 *
 * Sources, taken 2026-12-01:
 * - the lines and their status: moby/moby `project/BRANCHES-AND-TAGS.md` at commit
 *   b985e2313a8676e18072b442911fc8f64f17d440 (2026-08-23),
 *   https://github.com/moby/moby/blob/b985e2313a8676e18072b442911fc8f64f17d440/project/BRANCHES-AND-TAGS.md;
 * - when a line stopped getting fixes: the date of the commit of that file that marked it
 *   Unmaintained, or dropped it from the maintained lines (`git log -- project/BRANCHES-AND-TAGS.md`),
 *   named in `unmaintained.commit`;
 * - the first release of each line: Docker's engine release notes (docs.docker.com/engine/release-notes,
 *   docker/docs `content/manuals/engine/release-notes/<line>.md`, `release-date`); the last release:
 *   moby's tags (`v26.1.5`, `docker-v29.7.2`), whose dates agree with the release notes.
 *
 * To update: fetch moby/moby, read `git show HEAD:project/BRANCHES-AND-TAGS.md` and
 * `git log --format='%H %cI %s' -- project/BRANCHES-AND-TAGS.md`; add a line when a new branch
 * appears, and move a line to `unmaintained` with the commit that changed its status; refresh the
 * last releases from `git for-each-ref --sort=creatordate refs/tags`; then change TAKEN.
 */

/** When the table was taken: a line newer than its newest is unknown to it, not judged. */
export const TAKEN = '2026-12-01';

/** Where the lines' status comes from, as the message names it. */
export const LIFECYCLE_SOURCE = "moby's project/BRANCHES-AND-TAGS.md";

export interface Release {
  version: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

export interface EngineLine {
  /** The branch's name in moby's table: `docker-29.x`, `27.x`, `26.1`, `older than 20.10`. */
  branch: string;
  /** The versions it covers, as `major` or `major.minor` (`29`, `26.1`); absent for the catch-all of older lines. */
  covers?: string;
  first?: Release;
  last?: Release;
  /** Still getting fixes: moby's "Maintained" or "Maintained (security)", with the expected end when the table gives a date. */
  maintained?: { security?: true; expectedEnd?: string };
  /** No longer getting fixes since `date`, the commit of moby's table that said so. */
  unmaintained?: { date: string; commit: string };
}

/** Newest first, as moby's table lists them. */
export const ENGINE_LINES: readonly EngineLine[] = [
  { branch: 'docker-29.x', covers: '29', first: { version: '29.0.0', date: '2025-11-10' }, last: { version: '29.7.2', date: '2026-08-05' }, maintained: {} },
  { branch: 'docker-28.x', covers: '28', first: { version: '28.0.0', date: '2025-02-20' }, last: { version: '28.5.2', date: '2025-11-05' }, unmaintained: { date: '2026-05-13', commit: '941805303910a3749ed8fa9669d078015f6f268c' } },
  { branch: '27.x', covers: '27', first: { version: '27.0.1', date: '2024-06-25' }, last: { version: '27.5.1', date: '2025-01-22' }, unmaintained: { date: '2025-05-02', commit: '9eec936eb089df45ffb5cfb66d32c6458371a495' } },
  { branch: '26.1', covers: '26.1', first: { version: '26.1.0', date: '2024-04-22' }, last: { version: '26.1.5', date: '2024-07-23' }, unmaintained: { date: '2025-02-17', commit: '2fc90096bfc6538906e8ad042335f2b23969d813' } },
  // 26.0 was never listed as maintained: its row came with 26.1's change of status.
  { branch: '26.0', covers: '26.0', first: { version: '26.0.0', date: '2024-03-20' }, last: { version: '26.0.2', date: '2024-04-18' }, unmaintained: { date: '2025-02-17', commit: '2fc90096bfc6538906e8ad042335f2b23969d813' } },
  { branch: '25.0', covers: '25.0', first: { version: '25.0.0', date: '2024-01-19' }, last: { version: '25.0.17', date: '2026-07-14' }, maintained: { expectedEnd: '2026-12-04' } },
  // 24.0 and 20.10 left the table of maintained lines in July 2024; later commits list 24.0 as Unmaintained.
  { branch: '24.0', covers: '24.0', first: { version: '24.0.0', date: '2023-05-16' }, last: { version: '24.0.9', date: '2024-02-01' }, unmaintained: { date: '2024-07-29', commit: '403f9dbc42457cbc0c21fed4e3840457ecb9280b' } },
  { branch: '23.0', covers: '23.0', first: { version: '23.0.0', date: '2023-02-02' }, last: { version: '23.0.18', date: '2025-05-15' }, unmaintained: { date: '2025-09-22', commit: 'cbafff64e4f58b545d86801bfaef85061999bb77' } },
  { branch: '20.10', covers: '20.10', first: { version: '20.10.0', date: '2020-12-09' }, last: { version: '20.10.27', date: '2023-12-01' }, unmaintained: { date: '2024-07-29', commit: '403f9dbc42457cbc0c21fed4e3840457ecb9280b' } },
  // Not in the table moby started on 2023-11-03 (its maintained lines were 24.0, 23.0 and 20.10).
  { branch: 'older than 20.10', unmaintained: { date: '2023-11-03', commit: 'f502f49e49b40ea4b4c6e1981112a2e17793b993' } },
];

/** `major.minor` of an upstream version (`26.1.5+dfsg1` → [26, 1]); undefined when it does not start so. */
export function releaseLine(upstream: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)/.exec(upstream);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** The line of the table an upstream version belongs to, or undefined when the table does not know it (newer than its newest). */
export function engineLineOf(upstream: string): EngineLine | undefined {
  const line = releaseLine(upstream);
  if (!line) return undefined;
  const [major, minor] = line;
  const covering = ENGINE_LINES.find((entry) => entry.covers === `${major}` || entry.covers === `${major}.${minor}`);
  if (covering) return covering;
  // Below the oldest line the table names: the catch-all; above the newest (or a minor it lacks): unknown.
  const oldest = ENGINE_LINES.filter((entry) => entry.covers).at(-1)!;
  return compareLines(line, releaseLine(oldest.covers!)!) < 0 ? ENGINE_LINES.at(-1) : undefined;
}

function compareLines([a1, a2]: [number, number], [b1, b2]: [number, number]): number {
  return a1 - b1 || a2 - b2;
}

/**
 * When the line stopped getting fixes, judged on `today` (`YYYY-MM-DD`): the date moby's table
 * marked it unmaintained, or its expected end of maintenance once that has passed; undefined while
 * it is maintained.
 */
export function fixesStopped(line: EngineLine, today: string): { date: string; expected: boolean } | undefined {
  if (line.unmaintained) return { date: line.unmaintained.date, expected: false };
  const end = line.maintained?.expectedEnd;
  return end !== undefined && end <= today ? { date: end, expected: true } : undefined;
}
