/** `/etc/passwd` and `/etc/group` lines, with the span of each, as getpwent(3) and getgrent(3) read them. */
import type { Span } from '../../engine/types';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  span: Span;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
  span: Span;
}

/** Each non-blank, non-comment line split at `:`; malformed lines are skipped, as libc skips them. */
function records(text: string): { fields: string[]; span: Span }[] {
  const out: { fields: string[]; span: Span }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/\r$/, '');
    if (body.trim() !== '' && !body.startsWith('#')) out.push({ fields: body.split(':'), span: { start, end: start + body.length } });
    start += line.length + 1;
  }
  return out;
}

const id = (field: string | undefined) => (field !== undefined && /^\d+$/.test(field) ? Number(field) : undefined);

export function parsePasswd(text: string): PasswdEntry[] {
  return records(text).flatMap(({ fields, span }) => {
    const uid = id(fields[2]);
    const gid = id(fields[3]);
    return fields.length >= 4 && fields[0] !== '' && uid !== undefined && gid !== undefined ? [{ name: fields[0], uid, gid, span }] : [];
  });
}

export function parseGroup(text: string): GroupEntry[] {
  return records(text).flatMap(({ fields, span }) => {
    const gid = id(fields[2]);
    if (fields.length < 3 || fields[0] === '' || gid === undefined) return [];
    const members = (fields[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean);
    return [{ name: fields[0], gid, members, span }];
  });
}
