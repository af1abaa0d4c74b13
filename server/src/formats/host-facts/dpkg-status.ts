/**
 * dpkg's status database (`/var/lib/dpkg/status`, deb-control(5) stanzas): for each package its
 * name, its `Status:` and its `Version:` with the version's span, the fields DG511 needs. Other
 * fields, continuation lines included, are skipped.
 */
import type { Span } from '../../engine/types';

export interface DpkgPackage {
  name: string;
  /** `install ok installed`, `deinstall ok config-files` … */
  status: string;
  version?: { text: string; span: Span };
}

const FIELD = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]*(.*?)[ \t]*$/;

export function parseDpkgStatus(text: string): DpkgPackage[] {
  const packages: DpkgPackage[] = [];
  let current: DpkgPackage | undefined;
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      current = undefined;
    } else {
      const field = FIELD.exec(line);
      if (field) {
        current ??= packages[packages.push({ name: '', status: '' }) - 1];
        const [, name, value] = field;
        const key = name.toLowerCase();
        if (key === 'package') current.name = value;
        else if (key === 'status') current.status = value.split(/\s+/).join(' ');
        else if (key === 'version') {
          const at = start + line.indexOf(value, name.length + 1);
          current.version = { text: value, span: { start: at, end: at + value.length } };
        }
      }
    }
    start += raw.length + 1;
  }
  return packages.filter((p) => p.name !== '');
}
