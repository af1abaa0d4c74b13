/**
 * Compose projects as compose-go assembles them. Which files form a project: in a folder, the first
 * of compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml with the first of its
 * override names (cli/options.go's DefaultFileNames and DefaultOverrideFileNames); or the files the
 * folder's `.env` names in COMPOSE_FILE; or a set `.dockguard.yaml` declares; every other Compose
 * file no project names is a project of its own. Each file is interpolated with its project's
 * variables (a value they do not set stays unknown), its `include`s are imported (each its own
 * project part, with its project directory and env_file), its `extends` resolved (across files,
 * relative to the file that says it), and the files are merged in order (formats/compose/merge.ts).
 * Every value keeps the node that wrote it, so a finding lands in the file that set it.
 */
import type { Span } from '../../engine/types';
import type { DotenvFile } from '../../formats/compose/dotenv';
import { mergeMaps } from '../../formats/compose/merge';
import type { ComposeFile } from '../../formats/compose/parse';
import { member, type TreeMap, type TreeNode } from '../../formats/compose/yaml-tree';
import { interpolateTree } from './interpolated';
import { folderOf, isRemote, resolvePath } from './references';
import type { ComposeModel, ProjectProblem, Service } from './services';

/** compose-go's cli/options.go: the base names, then the override names, each in its order of preference. */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const OVERRIDE_FILE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/** A project `.dockguard.yaml` declares: its files (absolute paths), in merge order. */
export interface DeclaredProject {
  name?: string;
  files: string[];
}

/** What a project reads a variable from: undefined for one nobody set here (the shell may). */
type Lookup = (name: string) => string | undefined;

const nothing: Lookup = () => undefined;

function lookupOf(env: DotenvFile | undefined, parent: Lookup = nothing): Lookup {
  if (!env) return parent;
  return (name) => (env.variables.has(name) ? env.variables.get(name)!.value : parent(name));
}

/** COMPOSE_FILE of a folder's `.env`, split as compose-go splits it (COMPOSE_PATH_SEPARATOR, default `:`). */
export function composeFileList(env: DotenvFile | undefined): string[] | undefined {
  const list = env?.variables.get('COMPOSE_FILE')?.value;
  if (!list) return undefined;
  const separator = env!.variables.get('COMPOSE_PATH_SEPARATOR')?.value || ':';
  return list.split(separator).filter((p) => p !== '');
}

/** The projects of a machine's Compose files, each its files in merge order. */
export function projectFileSets(files: readonly ComposeFile[], envs: ReadonlyMap<string, DotenvFile>, declared: readonly DeclaredProject[] = []): string[][] {
  const paths = new Set(files.map((f) => f.path));
  const sets: string[][] = [];
  const declaredFolders = new Set<string>();
  for (const project of declared) {
    if (!project.files.some((f) => paths.has(f))) continue;
    sets.push(project.files);
    declaredFolders.add(folderOf(project.files[0]));
  }
  const folders = [...new Set(files.map((f) => folderOf(f.path)))].sort();
  for (const folder of folders) {
    if (declaredFolders.has(folder)) continue;
    const listed = composeFileList(envs.get(`${folder}.env`));
    if (listed) {
      sets.push(listed.map((p) => resolvePath(folder, p)));
      continue;
    }
    const base = DEFAULT_FILE_NAMES.map((n) => folder + n).find((p) => paths.has(p));
    if (!base) continue;
    const override = OVERRIDE_FILE_NAMES.map((n) => folder + n).find((p) => paths.has(p));
    sets.push(override ? [base, override] : [base]);
  }
  return sets;
}

/** Builds every project of a machine; a file no project reads (as a member, `extends` or `include` target) is one of its own. */
export function buildProjects(files: readonly ComposeFile[], envs: readonly DotenvFile[], declared: readonly DeclaredProject[] = []): ComposeModel[] {
  const envByPath = new Map(envs.map((e) => [e.path, e]));
  const assembler = new Assembler(new Map(files.map((f) => [f.path, f])), envByPath);
  const models: ComposeModel[] = [];
  for (const set of projectFileSets(files, envByPath, declared)) {
    const model = assembler.project(set);
    if (model) models.push(model);
  }
  models.push(...files.filter((f) => !assembler.read.has(f.path)).map((f) => assembler.project([f.path])!));
  // A project whose first file another project includes is judged through that one (an include brings
  // every service: judged twice, each missing setting would be reported twice), unless each includes the
  // other (a cycle: both are kept, each reporting it). A file another project only extends stays a
  // project of its own: its other services are judged nowhere else (the machine's one model instance
  // reports a value both reach once, see combineProjects).
  const includedBy = new Map<string, ComposeModel[]>();
  for (const m of models) for (const path of assembler.included.get(m) ?? []) includedBy.set(path, [...(includedBy.get(path) ?? []), m]);
  const includes = (a: ComposeModel, b: ComposeModel) => a !== b && (includedBy.get(b.file.path) ?? []).includes(a);
  return models.filter((m) => !(includedBy.get(m.file.path) ?? []).some((other) => includes(other, m) && !includes(m, other)));
}

/**
 * The machine's projects as the one model instance its rules read: every service of every project,
 * so a value two projects reach (a base file two folders extend) is one finding at its text, with
 * each service it reaches as related information, never two.
 */
export function combineProjects(projects: readonly ComposeModel[]): ComposeModel | undefined {
  if (projects.length === 0) return undefined;
  if (projects.length === 1) return projects[0];
  const problems = new Map(projects.flatMap((p) => p.problems).map((p) => [`${p.file}\u0000${p.span.start}\u0000${p.kind}`, p]));
  const clashes = new Map(projects.flatMap((p) => p.clashes).map((c) => [`${c.at.file}\u0000${c.at.span.start}\u0000${c.other.file}\u0000${c.other.span.start}`, c]));
  return {
    file: projects[0].file,
    files: [...new Set(projects.flatMap((p) => p.files))],
    services: projects.flatMap((p) => p.services),
    problems: [...problems.values()],
    clashes: [...clashes.values()],
  };
}

interface Definition {
  settings: TreeMap;
  /** The service's mapping as its file writes it (interpolated): where a fix adds a key. */
  own: TreeMap;
  keySpan: Span;
  file: string;
  partial: boolean;
  parts: Service['parts'];
}

interface Part {
  /** The project directory: relative `include`s and env_files start here. */
  dir: string;
  lookup: Lookup;
  /** The include chain above this part (cycle detection). */
  including: string[];
}

class Assembler {
  /** Every path some project reads. */
  readonly read = new Set<string>();
  /** The files each project's includes bring. */
  readonly included = new WeakMap<ComposeModel, Set<string>>();
  private includedNow = new Set<string>();
  private problems: ProjectProblem[] = [];
  private clashes: ComposeModel['clashes'] = [];
  private used: ComposeFile[] = [];
  /** The project's directory, which messages name paths from. */
  private dir = '';
  private readonly interpolated = new Map<string, Map<Lookup, TreeMap | undefined>>();

  constructor(private readonly files: ReadonlyMap<string, ComposeFile>, private readonly envs: ReadonlyMap<string, DotenvFile>) {}

  project(paths: readonly string[]): ComposeModel | undefined {
    const present = paths.filter((p) => this.files.has(p));
    if (present.length === 0) return undefined;
    this.problems = [];
    this.clashes = [];
    this.used = [];
    this.includedNow = new Set();
    const first = this.files.get(present[0])!;
    const dir = folderOf(first.path);
    this.dir = dir;
    const services = this.part(present, { dir, lookup: lookupOf(this.envs.get(`${dir}.env`)), including: [] });
    const baseless = first.override;
    const result: Service[] = [...services].map(([name, d]) => ({
      name,
      keySpan: d.keySpan,
      file: d.file,
      settings: d.settings,
      own: d.own,
      partial: d.partial || baseless || (!member(d.settings, 'image') && !member(d.settings, 'build')),
      parts: d.parts,
    }));
    const problems = new Map(this.problems.map((p) => [`${p.file}\u0000${p.span.start}\u0000${p.kind}`, p]));
    const model: ComposeModel = { file: first, files: [...new Set(this.used)], services: result, problems: [...problems.values()], clashes: this.clashes };
    this.included.set(model, this.includedNow);
    return model;
  }

  /** One project part: its files merged in order, each with its includes imported first. */
  private part(paths: readonly string[], part: Part): Map<string, Definition> {
    let merged = new Map<string, Definition>();
    for (const path of paths) {
      const file = this.files.get(path);
      if (!file) continue;
      merged = mergeDefinitions(merged, this.fileModel(file, part));
    }
    return merged;
  }

  /** A file's services with its includes under them and its extends resolved. */
  private fileModel(file: ComposeFile, part: Part): Map<string, Definition> {
    this.read.add(file.path);
    this.used.push(file);
    const root = this.root(file, part.lookup);
    const own = new Map<string, Definition>();
    const services = member(root, 'services')?.value;
    if (services?.type === 'map') {
      for (const m of services.members) {
        const definition = this.resolve(file, part, m.key, []);
        if (definition) own.set(m.key, definition);
      }
    }
    const imported = this.includes(file, root, part);
    for (const [name, definition] of own) {
      const other = imported.get(name);
      if (other) this.clashes.push({ resource: 'services', name, at: { file: definition.file, span: definition.keySpan }, other: { file: other.file, span: other.keySpan } });
    }
    return mergeDefinitions(imported, own);
  }

  private includes(file: ComposeFile, root: TreeMap | undefined, part: Part): Map<string, Definition> {
    let imported = new Map<string, Definition>();
    const entries = member(root, 'include')?.value;
    if (entries?.type !== 'seq') return imported;
    for (const entry of entries.items) {
      const pathNode = entry.type === 'map' ? member(entry, 'path')?.value : entry;
      const pathNodes = pathNode?.type === 'seq' ? pathNode.items : pathNode ? [pathNode] : [];
      const written = pathNodes.flatMap((n) => (n.type === 'scalar' && typeof n.value === 'string' ? [{ node: n, path: n.value }] : []));
      if (written.length === 0) continue;
      const remote = written.find((w) => isRemote(w.path));
      if (remote) {
        this.problems.push({ kind: 'remote', file: file.path, span: remote.node.span, message: `include "${remote.path}"` });
        continue;
      }
      const paths = written.map((w) => ({ ...w, path: resolvePath(part.dir, w.path) }));
      const main = paths[0];
      if (part.including.includes(main.path) || main.path === file.path) {
        this.problems.push({ kind: 'cycle', file: file.path, span: main.node.span, message: `include "${main.node.value}" includes itself again (${[...part.including, file.path, main.path].map((p) => relativeTo(this.dir, p)).join(' → ')}): Compose stops with "include cycle detected"` });
        continue;
      }
      const missing = paths.find((p) => !this.files.has(p.path));
      if (missing) {
        this.problems.push({ kind: 'missing', file: file.path, span: missing.node.span, message: `include "${missing.node.value}" names no file the workspace holds: Compose stops with "no such file or directory"` });
        continue;
      }
      const projectDirNode = entry.type === 'map' ? member(entry, 'project_directory')?.value : undefined;
      const projectDir = projectDirNode?.type === 'scalar' && typeof projectDirNode.value === 'string' ? resolvePath(part.dir, projectDirNode.value).replace(/\/?$/, '/') : folderOf(main.path);
      const lookup = this.includeLookup(file, entry, part, projectDir);
      for (const p of paths) this.includedNow.add(p.path);
      const services = this.part(paths.map((p) => p.path), { dir: projectDir, lookup, including: [...part.including, file.path] });
      for (const [name, definition] of services) {
        const other = imported.get(name);
        if (other) this.clashes.push({ resource: 'services', name, at: { file: definition.file, span: definition.keySpan }, other: { file: other.file, span: other.keySpan } });
      }
      // compose-go's importResources merges what is already there over what an include brings: an earlier include wins.
      imported = mergeDefinitions(services, imported);
    }
    return imported;
  }

  /** An include's variables: its env_files (relative to the including project), else its project directory's `.env`, over the including project's. */
  private includeLookup(file: ComposeFile, entry: TreeNode, part: Part, projectDir: string): Lookup {
    const envNode = entry.type === 'map' ? member(entry, 'env_file')?.value : undefined;
    const envNodes = envNode?.type === 'seq' ? envNode.items : envNode ? [envNode] : [];
    const named = envNodes.flatMap((n) => (n.type === 'scalar' && typeof n.value === 'string' ? [{ node: n, path: resolvePath(part.dir, n.value) }] : []));
    if (named.length === 0) return lookupOf(this.envs.get(`${projectDir}.env`), part.lookup);
    let lookup = part.lookup;
    for (const env of named) {
      const parsed = this.envs.get(env.path);
      if (!parsed) {
        this.problems.push({ kind: 'missing', file: file.path, span: env.node.span, message: `env_file "${env.node.value}" names no file the workspace holds: Compose stops with "no such file or directory"` });
        continue;
      }
      lookup = lookupOf(parsed, lookup);
    }
    return lookup;
  }

  /** A service of a file with its `extends` resolved (the chain of file#service above it detects cycles). */
  private resolve(file: ComposeFile, part: Part, name: string, chain: string[]): Definition | undefined {
    const services = member(this.root(file, part.lookup), 'services')?.value;
    const at = services?.type === 'map' ? services.members.find((m) => m.key === name) : undefined;
    if (at?.value.type !== 'map') return undefined;
    const own = at.value;
    const definition: Definition = { settings: own, own, keySpan: at.keySpan, file: file.path, partial: false, parts: [{ file: file.path, keySpan: at.keySpan, span: own.span }] };
    const extendsMember = member(own, 'extends');
    const base = extendedService(extendsMember?.value);
    if (!extendsMember || !base) return definition;
    if (base.file !== undefined && isRemote(base.file.value)) {
      this.problems.push({ kind: 'remote', file: file.path, span: base.file.node.span, message: `extends "${base.file.value}"` });
      return { ...definition, partial: true };
    }
    const targetPath = base.file ? resolvePath(folderOf(file.path), base.file.value) : file.path;
    const key = `${targetPath}#${base.service}`;
    const self = `${file.path}#${name}`;
    if (chain.includes(key) || key === self) {
      const loop = [...chain, self, key].map((k) => `${relativeTo(this.dir, k.slice(0, k.indexOf('#')))} ${k.slice(k.indexOf('#') + 1)}`);
      this.problems.push({ kind: 'cycle', file: file.path, span: extendsMember.value.span, message: `service "${name}" extends itself through ${loop.join(' → ')}: Compose stops with "circular reference"` });
      return { ...definition, partial: true };
    }
    const target = this.files.get(targetPath);
    if (!target) {
      this.problems.push({ kind: 'missing', file: file.path, span: base.file!.node.span, message: `extends.file "${base.file!.value}" names no file the workspace holds: Compose stops with "no such file or directory"` });
      return { ...definition, partial: true };
    }
    if (target !== file) {
      this.read.add(target.path);
      this.used.push(target);
    }
    const parent = this.resolve(target, part, base.service, [...chain, self]);
    if (!parent) {
      this.problems.push({ kind: 'missing', file: file.path, span: base.serviceNode.span, message: `extends names service "${base.service}", which ${target === file ? 'this file does not define' : `${baseName(target.path)} does not define`}: Compose stops with "cannot extend service"` });
      return { ...definition, partial: true };
    }
    return { ...definition, settings: mergeMaps(parent.settings, own), partial: parent.partial };
  }

  /** A file's documents merged and interpolated with a part's variables, once per file and variables. */
  private root(file: ComposeFile, lookup: Lookup): TreeMap | undefined {
    // Without variables, or without a `$` in the file, interpolation changes nothing: no walk, no copies.
    if (lookup === nothing || !file.text.includes('$')) return file.root;
    let byLookup = this.interpolated.get(file.path);
    if (!byLookup) this.interpolated.set(file.path, (byLookup = new Map()));
    if (!byLookup.has(lookup)) byLookup.set(lookup, file.root && (interpolateTree(file.root, lookup) as TreeMap));
    return byLookup.get(lookup);
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `path` relative to `folder` (ending in `/`), with `../` where it is outside. */
function relativeTo(folder: string, path: string): string {
  const from = folder.split('/').slice(0, -1);
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** `over`'s services merged onto `base`'s: a service both define is merged, its key and own mapping staying the first definer's. */
function mergeDefinitions(base: Map<string, Definition>, over: Map<string, Definition>): Map<string, Definition> {
  if (base.size === 0) return over;
  const merged = new Map(base);
  for (const [name, definition] of over) {
    const earlier = merged.get(name);
    if (!earlier) {
      merged.set(name, definition);
      continue;
    }
    merged.set(name, {
      ...earlier,
      settings: mergeMaps(earlier.settings, definition.settings),
      partial: earlier.partial || definition.partial,
      parts: [...earlier.parts, ...definition.parts],
    });
  }
  return merged;
}

/** `extends: web` or `extends: { service: web, file: base.yaml }`; undefined for no (or an unreadable) extends. */
function extendedService(node: TreeNode | undefined): { service: string; serviceNode: TreeNode; file?: { value: string; node: TreeNode } } | undefined {
  if (!node) return undefined;
  if (node.type === 'scalar') return typeof node.value === 'string' ? { service: node.value, serviceNode: node } : undefined;
  const service = member(node, 'service')?.value;
  const file = member(node, 'file')?.value;
  if (service?.type !== 'scalar' || service.value === null) return undefined;
  return { service: String(service.value), serviceNode: service, file: file?.type === 'scalar' && file.value !== null ? { value: String(file.value), node: file } : undefined };
}
