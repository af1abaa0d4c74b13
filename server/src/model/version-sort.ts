/**
 * GNU version order (`ls -v`, `sort -V`: filevercmp), which augenrules uses for the fragments of
 * rules.d: digit runs compare as numbers, `~` sorts before everything, letters before other
 * characters, so `9-x.rules` comes before `10-x.rules`.
 */

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[0-9]/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

/** Debian's verrevcmp (dpkg's, for the parts of a version), which filevercmp applies to names without their suffix and then in full. */
export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !/[0-9]/.test(a[i])) || (j < b.length && !/[0-9]/.test(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && j < b.length && /[0-9]/.test(a[i]) && /[0-9]/.test(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && /[0-9]/.test(a[i])) return 1;
    if (j < b.length && /[0-9]/.test(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

const SUFFIX = /(\.[A-Za-z~][A-Za-z0-9~]*)*$/;

export function versionCompare(a: string, b: string): number {
  if (a === b) return 0;
  const result = verrevcmp(a.replace(SUFFIX, ''), b.replace(SUFFIX, ''));
  return result || verrevcmp(a, b) || (a < b ? -1 : 1);
}
