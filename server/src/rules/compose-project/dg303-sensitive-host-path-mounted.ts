import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { ComposeFile } from '../../formats/compose/parse';
import { addMember } from '../../formats/compose/edits';
import { fileOf, replaceScalarFix } from '../../model/compose/fixes';
import { mountsOf, normalizeHostPath, type Mount } from '../../model/compose/mounts';
import { reportPerPlace, type PlaceHit } from './report';
import { SENSITIVE_HOST_PATHS } from './sensitive-paths';

/** A bind mount of a host system directory: written to, it changes the host; read, it leaks it. */
export default defineRule({
  meta: {
    id: 'DG303',
    name: 'sensitive-host-path-mounted',
    description: 'A service bind-mounts a sensitive host directory (`/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr`).',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '5.6', 'v1.5.0': '5.5' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      writable: 'The host\'s "{{source}}" is mounted writable: the container can change the host\'s system files (users, services, binaries, kernel settings) and take it over (CIS 5.6).',
      readOnly: 'The host\'s "{{source}}" is mounted (read-only): the container can still read its secrets and configuration; mount only the file or folder it needs (CIS 5.6).',
    },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const mount of mountsOf(service)) {
        if (mount.type !== 'bind' || mount.source === undefined || !SENSITIVE_HOST_PATHS.has(normalizeHostPath(mount.source))) continue;
        const data = { source: normalizeHostPath(mount.source) };
        if (mount.readOnly) hits.push({ service, file: mount.node.file, span: mount.node.span, messageId: 'readOnly', data, severity: 'warning' });
        else hits.push({ service, file: mount.node.file, span: mount.node.span, messageId: 'writable', data, fixes: (note) => readOnlyFix(fileOf(files, mount.node), mount, `Mount "${data.source}" read-only (the container can no longer write to it)${note}`) });
      }
    }
    reportPerPlace(context, hits);
  },
});

/** `:ro` on a short mount (`rw` becomes `ro`), `read_only: true` on a long one. */
function readOnlyFix(file: ComposeFile, mount: Mount, title: string): FixProposal[] {
  const node = mount.node;
  if (mount.long) {
    if (mount.readOnlyMember) return replaceScalarFix([file], mount.readOnlyMember.value, 'true', title, 'unsafe');
    const edit = node.type === 'map' ? addMember(file.text, node, 'read_only', 'true') : undefined;
    return edit ? [{ title, safety: 'unsafe', edits: [edit] }] : [];
  }
  const written = file.text.slice(node.span.start, node.span.end);
  const quoted = /^["']/.test(written) && written.length > 1 && written.endsWith(written[0]);
  const end = node.span.end - (quoted ? 1 : 0);
  // A mode is the letters after the last colon (`:rw,z`); a target always starts with `/`.
  const mode = /:((?:[a-zA-Z]+,)*[a-zA-Z]+)$/.exec(written.slice(0, end - node.span.start));
  if (mode) {
    const options = mode[1].split(',');
    const rw = options.indexOf('rw');
    const content = rw >= 0 ? options.map((o, i) => (i === rw ? 'ro' : o)).join(',') : `${mode[1]},ro`;
    return [{ title, safety: 'unsafe', edits: [{ offset: end - mode[1].length, length: mode[1].length, content }] }];
  }
  return [{ title, safety: 'unsafe', edits: [{ offset: end, length: 0, content: ':ro' }] }];
}
