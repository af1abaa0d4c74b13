/**
 * How Compose files name other files: a relative path resolved from the folder that says it, a
 * remote (git or OCI) source never fetched, and the links the compose kind reports to the machine
 * index (kinds/compose.ts's `links`).
 */
import type { ComposeFile } from '../../formats/compose/parse';
import { member, type TreeNode } from '../../formats/compose/yaml-tree';

/** A git or OCI source, which Compose fetches and dockguard never does. */
const REMOTE = /^(oci:\/\/|git@|git:\/\/|ssh:\/\/|https?:\/\/)/i;

export function isRemote(reference: string): boolean {
  return REMOTE.test(reference);
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(0, slash + 1) : '';
}

/** `relative` resolved from `folder` (ending in `/`), `.` and `..` folded; an absolute path as it is. */
export function resolvePath(folder: string, relative: string): string {
  const joined = relative.startsWith('/') ? relative : folder + relative;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '.' || (part === '' && parts.length > 0)) continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * The files a Compose file names, as the kind's `links` hook reports them: `extends.file`, each
 * `include` path and its `env_file`s (its project directory's `.env`, read by default, is linked
 * too). Relative to the file's folder, as a project the file starts resolves them; remote ones are
 * never read.
 */
export function composeLinks(file: ComposeFile): { path: string; kind: string }[] {
  const links: { path: string; kind: string }[] = [];
  const folder = folderOf(file.path);
  const add = (node: TreeNode | undefined, kind: string) => {
    for (const item of node?.type === 'seq' ? node.items : node ? [node] : []) {
      if (item.type === 'scalar' && typeof item.value === 'string' && !item.value.includes('$') && !isRemote(item.value)) links.push({ path: resolvePath(folder, item.value), kind });
    }
  };
  const services = member(file.root, 'services')?.value;
  for (const service of services?.type === 'map' ? services.members : []) {
    const extended = member(service.value, 'extends')?.value;
    if (extended?.type === 'map') add(member(extended, 'file')?.value, 'compose');
  }
  const includes = member(file.root, 'include')?.value;
  for (const entry of includes?.type === 'seq' ? includes.items : []) {
    const paths = entry.type === 'map' ? member(entry, 'path')?.value : entry;
    const before = links.length;
    add(paths, 'compose');
    if (entry.type !== 'map') {
      if (links.length > before) links.push({ path: `${folderOf(links[before].path)}.env`, kind: 'compose-env' });
      continue;
    }
    add(member(entry, 'env_file')?.value, 'compose-env');
    const dir = member(entry, 'project_directory')?.value;
    if (dir?.type === 'scalar' && typeof dir.value === 'string') links.push({ path: `${resolvePath(folder, dir.value).replace(/\/?$/, '/')}.env`, kind: 'compose-env' });
    else if (links.length > before) links.push({ path: `${folderOf(links[before].path)}.env`, kind: 'compose-env' });
  }
  return links;
}
