/**
 * Machines: the one home of cross-file links. A machine is a host tree (the folder that stands for a
 * host's `/`, found by its `etc/`, `lib/`, `usr/lib/` layout, or declared in `.dockguard.yaml`) with
 * every file below it; outside a host tree, the files of one folder and one kind group form a
 * machine of their own. Which files re-lint together, the cache keys and the CLI's grouping all
 * come from here. Models are built per machine by the providers of the model table.
 */
import type { KindModule, ParsedFileBase } from './kind';
import type { ModelName, RuleModels } from './rule';

/** Folders that mark a host tree: the prefix before them is the host's `/`. */
const HOST_FOLDERS = ['etc/docker', 'etc/default', 'etc/sysconfig', 'etc/systemd/system', 'etc/audit', 'lib/systemd/system', 'usr/lib/systemd/system', 'usr/local/lib/systemd/system', 'run/systemd/system'];
/** A rootless daemon's files under a home folder: the home folder is that machine's root. */
const ROOTLESS_FOLDERS = ['.config/docker', '.config/systemd/user'];
const layout = (folders: string[]) => new RegExp(`(^|\\/)(${folders.map((f) => f.replace(/[./]/g, '\\$&')).join('|')})\\/`);
const HOST_LAYOUT = layout(HOST_FOLDERS);
const ROOTLESS_LAYOUT = layout(ROOTLESS_FOLDERS);

/** The folders below a machine's root where its files live (the CLI reads them for a named file's context). */
export function machineFolders(root: string): string[] {
  const base = root.replace(/\\/g, '/').replace(/\/?$/, '/');
  return [...HOST_FOLDERS, ...ROOTLESS_FOLDERS].map((folder) => base + folder);
}

/**
 * The host root the folders beside a path show when its own path does not (`h1/opt/app/compose.yaml`
 * is on `h1/` once `h1/etc/docker` exists): the nearest folder above it, up to `top`, that holds one of
 * a machine's folders. The front ends ask it before those files are read, so a file's first findings
 * already have its machine.
 */
export function hostRootAround(path: string, top: string, isFolder: (path: string) => boolean): string | undefined {
  const normalized = path.replace(/\\/g, '/');
  const limit = top.replace(/\\/g, '/').replace(/\/?$/, '/');
  for (let end = normalized.lastIndexOf('/'); end >= 0 && normalized.slice(0, end + 1).startsWith(limit); end = normalized.lastIndexOf('/', end - 1)) {
    const folder = normalized.slice(0, end + 1);
    if (machineFolders(folder).some(isFolder)) return folder;
    if (end === 0) break;
  }
  return undefined;
}

/** The host root a path's own folders show (`h1/` for `h1/etc/docker/daemon.json`), if any. */
export function hostRootOf(path: string): string | undefined {
  const normalized = path.replace(/\\/g, '/');
  const marker = ROOTLESS_LAYOUT.exec(normalized) ?? HOST_LAYOUT.exec(normalized);
  return marker ? normalized.slice(0, marker.index + marker[1].length) : undefined;
}

/**
 * The root of the machine a path belongs to as far as its config and its own folders tell: the
 * innermost machine the config declares around it, else the host root its layout shows.
 */
export function machineRootOf(path: string, config: { machines: readonly MachineDeclaration[] } | undefined): string | undefined {
  const normalized = path.replace(/\\/g, '/');
  const declared = config?.machines.filter((m) => normalized.startsWith(m.root)).sort((a, b) => b.root.length - a.root.length)[0];
  return declared?.root ?? hostRootOf(normalized);
}

/** `/a/b/` → `/a/`, `/a/` → `/`, `a/` → '' (the top of relative paths); '' and `/` have none. */
function parentFolder(folder: string): string | undefined {
  if (folder === '' || folder === '/') return undefined;
  const slash = folder.lastIndexOf('/', folder.length - 2);
  return slash >= 0 ? folder.slice(0, slash + 1) : '';
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(0, slash + 1) : '';
}

/** A machine that `.dockguard.yaml` declares where the layout does not show it. */
export interface MachineDeclaration {
  /** The folder standing for the host's `/` (absolute, ending in `/`). */
  root: string;
  /** The daemon.json dockerd reads on that machine, when it is not `etc/docker/daemon.json`. */
  daemon?: string;
}

export interface ModelInstance<M> {
  model: M;
  /** The file a rule that fails on this instance is reported in (DG000). */
  file: string;
}

/** Builds one model's instances for a machine; registered in the model table (`models/index.ts`). */
export interface ModelProvider<N extends ModelName = ModelName> {
  name: N;
  build(machine: Machine): ModelInstance<RuleModels[N]>[];
}

export function defineModel<N extends ModelName>(provider: ModelProvider<N>): ModelProvider<N> {
  return provider;
}

export interface Machine {
  readonly key: string;
  /** The host's `/` (`h1/`), or the folder of loose files. */
  readonly root: string;
  /** True for a host tree, false for a folder of loose files. */
  readonly hostTree: boolean;
  readonly declaration?: MachineDeclaration;
  /**
   * What `.dockguard.yaml` declares for the models, by section (`compose.projects`): the engine
   * carries it without knowing it, as it carries `LintOptions.settings` to the rules.
   */
  readonly declared?: Readonly<Record<string, unknown>>;
  readonly files: readonly ParsedFileBase[];
  filesOf<F extends ParsedFileBase = ParsedFileBase>(kind: string): F[];
  /** The instances of a model on this machine, built once per machine text. */
  model<N extends ModelName>(name: N): ModelInstance<RuleModels[N]>[];
}

/** One machine's files at one revision, with its models built on first use. */
export class MachineView implements Machine {
  private readonly built = new Map<string, ModelInstance<unknown>[]>();

  constructor(
    readonly key: string,
    readonly root: string,
    readonly hostTree: boolean,
    readonly files: readonly ParsedFileBase[],
    private readonly providers: ReadonlyMap<string, ModelProvider>,
    readonly declaration?: MachineDeclaration,
    readonly declared?: Readonly<Record<string, unknown>>,
  ) {}

  filesOf<F extends ParsedFileBase = ParsedFileBase>(kind: string): F[] {
    return this.files.filter((f) => f.kind === kind) as F[];
  }

  model<N extends ModelName>(name: N): ModelInstance<RuleModels[N]>[] {
    let instances = this.built.get(name);
    if (!instances) {
      const provider = this.providers.get(name);
      // A kind's own model: each file of that kind.
      instances = provider ? provider.build(this) : this.filesOf(name).map((file) => ({ model: file, file: file.path }));
      this.built.set(name, instances);
    }
    return instances as ModelInstance<RuleModels[N]>[];
  }
}

/**
 * Which machine each path belongs to, kept incrementally: adding or removing a file touches its
 * machine, and only a new or vanished host root moves the files below it.
 */
export class MachineIndex {
  /** Host roots, with how many files show each (a root lives while one does). */
  private readonly roots = new Map<string, number>();
  private declared: MachineDeclaration[] = [];
  private readonly keys = new Map<string, string>();
  private readonly kinds = new Map<string, KindModule>();
  private readonly members = new Map<string, Set<string>>();
  /** Paths by folder, and the subfolders seen below each folder: rekeying below a root visits its subtree only. */
  private readonly inFolder = new Map<string, Set<string>>();
  private readonly subfolders = new Map<string, Set<string>>();
  /**
   * Loose machines joined by links (a Compose file's `extends.file` in another folder): each loose
   * group (`folder\0group`) with the groups its files link to, counted per linking file, and the
   * joined machine's key (its smallest group's) for every group that is joined to another.
   */
  private readonly linksOf = new Map<string, string[]>();
  private readonly linked = new Map<string, Map<string, number>>();
  private readonly joinedKey = new Map<string, string>();

  /** Add or re-add a path; returns the machine keys whose files changed. */
  add(path: string, kind: KindModule): Set<string> {
    const changed = this.remove(path);
    this.kinds.set(path, kind);
    this.file(path);
    const root = hostRootOf(path);
    if (root !== undefined) {
      const count = this.roots.get(root) ?? 0;
      this.roots.set(root, count + 1);
      if (count === 0) this.rekeyBelow(root, changed);
    }
    this.assign(path, changed);
    return changed;
  }

  /**
   * The paths a file links to (`extends.file`, `include`): outside a host tree its loose machine and
   * theirs become one. Only the groups whose joined set changed are visited, and only their files move.
   */
  link(path: string, targets: readonly string[]): Set<string> {
    const changed = new Set<string>();
    const kind = this.kinds.get(path);
    if (!kind) return changed;
    const group = kind.looseGroup ?? kind.name;
    const from = this.looseKey(path, group);
    const next = [...new Set(targets.map((t) => this.looseKey(t, group)))].filter((t) => t !== from).sort();
    const previous = this.linksOf.get(path) ?? [];
    if (previous.join('\u0001') === next.join('\u0001')) return changed;
    if (next.length > 0) this.linksOf.set(path, next);
    else this.linksOf.delete(path);
    for (const to of previous) this.countLink(from, to, -1);
    for (const to of next) this.countLink(from, to, 1);
    this.rejoin([from, ...previous, ...next], changed);
    return changed;
  }

  /** The links `.dockguard.yaml` declares (a Compose project's files in several folders): each set's groups become one machine. */
  private declaredLinks: [string, string][] = [];

  /** Replace the declared sets of files that belong together; returns the machine keys that changed. */
  joinDeclared(sets: readonly { paths: readonly string[]; group: string }[]): Set<string> {
    const changed = new Set<string>();
    const next = sets.flatMap(({ paths, group }) => paths.slice(1).map((p) => [this.looseKey(paths[0], group), this.looseKey(p, group)] as [string, string])).filter(([a, b]) => a !== b);
    if (JSON.stringify(next) === JSON.stringify(this.declaredLinks)) return changed;
    const touched = [...this.declaredLinks, ...next].flat();
    for (const [a, b] of this.declaredLinks) this.countLink(a, b, -1);
    for (const [a, b] of next) this.countLink(a, b, 1);
    this.declaredLinks = next;
    this.rejoin(touched, changed);
    return changed;
  }

  private looseKey(path: string, group: string): string {
    return `${folderOf(path.replace(/\\/g, '/'))}\u0000${group}`;
  }

  private countLink(a: string, b: string, by: number): void {
    for (const [x, y] of [[a, b], [b, a]]) {
      let counts = this.linked.get(x);
      if (!counts) this.linked.set(x, (counts = new Map()));
      const count = (counts.get(y) ?? 0) + by;
      if (count > 0) counts.set(y, count);
      else counts.delete(y);
      if (counts.size === 0) this.linked.delete(x);
    }
  }

  /** Recomputes the joined sets holding `groups` (a walk over the links) and re-keys the files of each group whose key changed. */
  private rejoin(groups: readonly string[], changed: Set<string>): void {
    const done = new Set<string>();
    for (const start of groups) {
      if (done.has(start)) continue;
      const members = [start];
      done.add(start);
      for (let i = 0; i < members.length; i++) {
        for (const next of this.linked.get(members[i])?.keys() ?? []) {
          if (!done.has(next)) {
            done.add(next);
            members.push(next);
          }
        }
      }
      const key = members.length > 1 ? [...members].sort()[0] : undefined;
      for (const member of members) {
        if (this.joinedKey.get(member) === key) continue;
        if (key === undefined) this.joinedKey.delete(member);
        else this.joinedKey.set(member, key);
        const folder = member.slice(0, member.indexOf('\u0000'));
        for (const path of this.inFolder.get(folder) ?? []) this.assign(path, changed);
      }
    }
  }

  remove(path: string): Set<string> {
    const changed = new Set<string>();
    if (this.linksOf.has(path)) for (const key of this.link(path, [])) changed.add(key);
    const key = this.keys.get(path);
    if (key === undefined) return changed;
    this.members.get(key)?.delete(path);
    if (this.members.get(key)?.size === 0) this.members.delete(key);
    this.keys.delete(path);
    this.inFolder.get(folderOf(path.replace(/\\/g, '/')))?.delete(path);
    changed.add(key);
    const root = hostRootOf(path);
    if (root !== undefined) {
      const count = (this.roots.get(root) ?? 1) - 1;
      if (count > 0) this.roots.set(root, count);
      else {
        this.roots.delete(root);
        this.rekeyBelow(root, changed);
      }
    }
    this.kinds.delete(path);
    return changed;
  }

  /** Replace the machines the config declares; returns every machine key that changed. */
  declare(declarations: readonly MachineDeclaration[]): Set<string> {
    const changed = new Set<string>();
    const same = JSON.stringify(declarations) === JSON.stringify(this.declared);
    if (same) return changed;
    this.declared = [...declarations];
    for (const path of [...this.keys.keys()]) this.assign(path, changed);
    return changed;
  }

  keyOf(path: string): string | undefined {
    return this.keys.get(path);
  }

  pathsOf(key: string): string[] {
    return [...(this.members.get(key) ?? [])].sort();
  }

  machineKeys(): string[] {
    return [...this.members.keys()];
  }

  /** Root, host-tree flag and declaration of a machine key. */
  describe(key: string): { root: string; hostTree: boolean; declaration?: MachineDeclaration } {
    const loose = key.indexOf('\u0000');
    if (loose >= 0) return { root: key.slice(0, loose), hostTree: false };
    return { root: key, hostTree: true, declaration: this.declared.find((d) => d.root === key) };
  }

  private assign(path: string, changed: Set<string>): void {
    const key = this.keyFor(path);
    const old = this.keys.get(path);
    if (old === key) return;
    if (old !== undefined) {
      this.members.get(old)?.delete(path);
      if (this.members.get(old)?.size === 0) this.members.delete(old);
      changed.add(old);
    }
    this.keys.set(path, key);
    let set = this.members.get(key);
    if (!set) this.members.set(key, (set = new Set()));
    set.add(path);
    changed.add(key);
  }

  /** The nearest host root above the path (a declared one, or one a file's layout shows), else its loose group. */
  private keyFor(path: string): string {
    const normalized = path.replace(/\\/g, '/');
    for (let end = normalized.lastIndexOf('/'); end >= 0; end = normalized.lastIndexOf('/', end - 1)) {
      const candidate = normalized.slice(0, end + 1);
      if (this.roots.has(candidate) || this.declared.some((d) => d.root === candidate)) return candidate;
      if (end === 0) break;
    }
    if (this.roots.has('')) return '';
    const kind = this.kinds.get(path);
    const loose = this.looseKey(normalized, kind?.looseGroup ?? kind?.name ?? '');
    return this.joinedKey.get(loose) ?? loose;
  }

  private rekeyBelow(root: string, changed: Set<string>): void {
    const folders = [root];
    for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
      for (const path of this.inFolder.get(folder) ?? []) this.assign(path, changed);
      folders.push(...(this.subfolders.get(folder) ?? []));
    }
  }

  /** Files the path under its folder, and links the folder to the ones above it. */
  private file(path: string): void {
    let folder = folderOf(path.replace(/\\/g, '/'));
    let paths = this.inFolder.get(folder);
    if (!paths) this.inFolder.set(folder, (paths = new Set()));
    paths.add(path);
    for (let parent = parentFolder(folder); parent !== undefined; folder = parent, parent = parentFolder(folder)) {
      let children = this.subfolders.get(parent);
      if (!children) this.subfolders.set(parent, (children = new Set()));
      if (children.has(folder)) break;
      children.add(folder);
    }
  }

}
