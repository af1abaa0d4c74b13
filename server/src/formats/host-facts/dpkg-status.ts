/** dpkg's status file (`/var/lib/dpkg/status`, deb822 stanzas): each package's status and version, with spans. */
import type { Span } from '../../engine/types';

export interface DpkgPackage {
  name: string;
  /** `install ok installed` for an installed package; `deinstall ok config-files` for a removed one … */
  status: string;
  version?: string;
  /** The `Version:` line, else the `Package:` line. */
  span: Span;
}

export function parseDpkgStatus(text: string): DpkgPackage[] {
  const packages: DpkgPackage[] = [];
  let current: Partial<DpkgPackage> & { packageSpan?: Span } = {};
  const flush = () => {
    if (current.name !== undefined && current.packageSpan) packages.push({ name: current.name, status: current.status ?? '', version: current.version, span: current.span ?? current.packageSpan });
    current = {};
  };
  let start = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/\r$/, '');
    const span = { start, end: start + body.length };
    start += line.length + 1;
    if (body.trim() === '') {
      flush();
      continue;
    }
    const field = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(body);
    if (!field) continue; // a continuation line of a multi-line field
    const [, name, value] = field;
    const lower = name.toLowerCase();
    if (lower === 'package') {
      current.name = value.trim();
      current.packageSpan = span;
    } else if (lower === 'status') current.status = value.trim().replace(/\s+/g, ' ');
    else if (lower === 'version') {
      current.version = value.trim();
      current.span = span;
    }
  }
  flush();
  return packages;
}
