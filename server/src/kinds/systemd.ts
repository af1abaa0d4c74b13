/** Docker's systemd files: units, drop-ins (top-level `service.d/` ones too), and the env files `/etc/default/docker`, `/etc/sysconfig/docker`. */
import { defineKind } from '../engine/kind';
import { parseSystemd, systemdRoleOf, type SystemdFile } from '../formats/systemd/parse';
import { systemdCompletion } from '../features/systemd/completion';
import { systemdHover } from '../features/systemd/hover';

export default defineKind<SystemdFile>({
  name: 'systemd',
  title: 'systemd unit',
  matches: (path) => systemdRoleOf(path) !== undefined,
  parse: parseSystemd,
  comments(file) {
    if (file.unit) return { comments: file.unit.comments, statements: [...file.unit.sections.map((s) => s.span), ...file.unit.directives.map((d) => d.span)] };
    if (file.env) return { comments: file.env.comments, statements: file.env.assignments.map((a) => a.span) };
    return undefined;
  },
  pragmaLine(file, offset) {
    const assignment = file.env?.assignments.find((a) => a.span.start <= offset && offset <= a.span.end);
    return assignment ? assignment.span.start : offset;
  },
  globs: ['**/*.{service,socket}', '**/*.{service,socket}.rpm', '**/*.{service,socket}.d/*.conf', '**/systemd/*/{service,socket}.d/*.conf', '**/etc/{default,sysconfig}/docker'],
  languages: ['systemd-unit', 'systemd-unit-file'],
  activation: ['**/docker.service', '**/docker.socket', '**/docker.service.d/*.conf'],
  looseGroup: 'daemon',
  hover: systemdHover,
  completion: systemdCompletion,
});
