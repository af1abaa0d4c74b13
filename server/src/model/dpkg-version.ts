/**
 * Debian package versions as dpkg reads and orders them (deb-version(7)): `[epoch:]upstream[-revision]`.
 * An upstream version is ordered by dpkg's verrevcmp, where `~` sorts before everything
 * (`29.0.0~rc1` is older than `29.0.0`) and `+` after the end (`26.1.5+dfsg1` is not older than `26.1.5`).
 */
import { verrevcmp } from './version-sort';

/** dpkg's order of two upstream versions (negative: `a` is older). */
export function compareUpstream(a: string, b: string): number {
  return Math.sign(verrevcmp(a, b));
}

export interface DpkgVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

/** dpkg's parseversion: the epoch before the first `:`, the revision after the last `-`. Undefined when the epoch is not a number or no upstream version is left. */
export function parseDpkgVersion(text: string): DpkgVersion | undefined {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const epochText = colon >= 0 ? trimmed.slice(0, colon) : '0';
  if (!/^\d+$/.test(epochText)) return undefined;
  const rest = trimmed.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  const upstream = dash >= 0 ? rest.slice(0, dash) : rest;
  if (upstream === '' || !/^\d/.test(upstream)) return undefined;
  return { epoch: Number(epochText), upstream, revision: dash >= 0 ? rest.slice(dash + 1) : '' };
}
