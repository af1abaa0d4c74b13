/**
 * Where a daemon setting comes from. Rules point at an origin; fixes edit it. A daemon setting can
 * come from a daemon.json key or from a dockerd flag (ExecStart, DOCKER_OPTS, OPTIONS).
 */
import type { Location, Span } from '../engine/types';

export interface JsonOrigin {
  type: 'daemon-json';
  file: string;
  /** The quoted key (for an array element: the element itself). */
  keySpan: Span;
  valueSpan: Span;
  /** The whole member `"key": value` (for an array element: the element). */
  span: Span;
  /** JSON path from the root, for jsonc-parser edits. */
  path: (string | number)[];
}

export interface FlagOrigin {
  type: 'flag';
  file: string;
  /** The flag as written: `--icc`, `-H`, `--log-opt`. */
  flag: string;
  /** The flag's name token (`--icc` in `--icc=false`). */
  nameSpan: Span;
  /** The value token, when there is one (`false` in `--icc=false`, `fd://` in `-H fd://`). */
  valueSpan?: Span;
  /** The flag and its value, everything a removal must take out. */
  span: Span;
}

export type Origin = JsonOrigin | FlagOrigin;

/** Where a finding about this origin is shown: the key, or the flag with its value. */
export function originLocation(origin: Origin): Location {
  return { file: origin.file, span: origin.type === 'daemon-json' ? origin.keySpan : origin.span };
}

/** Where a finding about the value itself (a list entry, a bad value) is shown. */
export function originValueLocation(origin: Origin): Location {
  if (origin.type === 'daemon-json') return { file: origin.file, span: origin.valueSpan };
  return { file: origin.file, span: origin.valueSpan ?? origin.span };
}

/** How the origin reads in a message: `"icc" in daemon.json` or `--icc=false`. */
export function describeOrigin(origin: Origin): string {
  return origin.type === 'daemon-json' ? `"${origin.path.join('.')}" in daemon.json` : `the flag ${origin.flag}`;
}
