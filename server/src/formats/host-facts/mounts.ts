/** `/etc/fstab` and `/proc/mounts` (fstab(5)): one mount a line, the mount point second, octal escapes (`\040`) decoded. */
import type { Span } from '../../engine/types';

export interface MountEntry {
  mountPoint: string;
  span: Span;
}

export function parseMounts(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/\r$/, '');
    const fields = body.trim().split(/\s+/);
    if (!body.trim().startsWith('#') && fields.length >= 2) {
      const point = fields[1].replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
      // fstab(5): swap and `none` entries mount nothing on the tree.
      if (point.startsWith('/')) out.push({ mountPoint: point.length > 1 ? point.replace(/\/+$/, '') : point, span: { start, end: start + body.length } });
    }
    start += line.length + 1;
  }
  return out;
}
