/**
/**
 * Lint options per resource: the client's `dockguard.*` settings with `.dockguard.yaml` laid over
 * them (the file the CLI reads wins, so editor and CI agree; a setting counts only where the user
 * set it: package.json gives the settings no defaults). The client is asked once per workspace
 * folder (one `workspace/configuration` request for `dockguard` and `files`, with the folder as
 * scope: VS Code's resource settings differ per folder, not per file) and each config file is read
 * once; the answers are cached until `didChangeConfiguration` or a config file changes. Every file of
 * one folder under one config file shares one options object, so the project's caches key on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import type { AddedFiles } from '../engine/kind';
import { PROFILES, withDefaults, type LintOptions, type Profile, type RuleSetting } from '../engine/options';
import { configIgnoreSource, excludePatterns, IgnoreMatcher, watchGlobs, type IgnoreSource } from '../engine/ignore';
import { findProjectConfig, loadProjectConfig, type ProjectConfig } from '../engine/project-config';
import { knownRuleIds, type Registry } from '../engine/registry';
import { SCOPES, SETTINGS_SECTION, type DockguardSettings, type Scope } from '../protocol';

const RULE_SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

/** What of a config decides which files the walks take: its `ignore` and the files it adds to kinds. */
const walkShape = (config: ProjectConfig | undefined) => JSON.stringify([config?.ignore.map((entry) => entry.pattern), config?.kindFiles]);

/** The valid parts of the client's settings; anything malformed is ignored with a logged reason. */
export function settingsToOptions(raw: unknown, log: (message: string) => void): Partial<LintOptions> {
  if (typeof raw !== 'object' || raw === null) return {};
  const settings = raw as DockguardSettings;
  const options: Partial<LintOptions> = {};
  if (typeof settings.profile === 'string' && settings.profile !== '') {
    if ((PROFILES as readonly string[]).includes(settings.profile)) options.profile = settings.profile as Profile;
    else log(`ignoring dockguard.profile '${settings.profile}': expected one of ${PROFILES.join(', ')}`);
  }
  if (typeof settings.dockerVersion === 'string' && settings.dockerVersion !== '') {
    if (/^\d+\.\d+$/.test(settings.dockerVersion)) options.dockerVersion = settings.dockerVersion;
    else log(`ignoring dockguard.dockerVersion '${settings.dockerVersion}': expected MAJOR.MINOR`);
  }
  if (typeof settings.rules === 'object' && settings.rules !== null) {
    const rules: Record<string, RuleSetting> = {};
    for (const [id, value] of Object.entries(settings.rules)) {
      if (typeof value === 'string' && RULE_SETTINGS.includes(value)) rules[id] = value as RuleSetting;
      else log(`ignoring dockguard.rules.${id}: expected error, warning, info or off`);
    }
    if (Object.keys(rules).length > 0) options.rules = rules;
  }
  return options;
}

/** `dockguard.scope`: what the server lints, by default the whole workspace. */
export function settingsToScope(raw: unknown, log: (message: string) => void): Scope {
  const scope = typeof raw === 'object' && raw !== null ? (raw as DockguardSettings).scope : undefined;
  if (scope === undefined || scope === '') return 'workspace';
  if ((SCOPES as readonly unknown[]).includes(scope)) return scope as Scope;
  log(`ignoring dockguard.scope '${String(scope)}': expected one of ${SCOPES.join(', ')}`);
  return 'workspace';
}

/** What the client says for one workspace folder. */
interface FolderSettings {
  options: Partial<LintOptions>;
  scope: Scope;
}

/** True when `path` is `folder` or below it. */
export function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** As `AddedFiles`, the kind a file's config gives it by its patterns (asked only of files the kind table does not claim). */
export class SettingsStore implements AddedFiles {
  /** The client's answer per workspace folder ('' for files outside every folder). */
  private readonly folderSettings = new Map<string, Promise<FolderSettings>>();
  /** Each folder's `files.exclude` and `dockguard.exclude` once the client answered, and its matcher. */
  private readonly excludes = new Map<string, IgnoreSource>();
  private readonly matchers = new Map<string, IgnoreMatcher>();
  /** Options per folder and config file. */
  private readonly options = new Map<string, Promise<LintOptions>>();
  /** The governing config file per directory, and each config file as loaded (undefined: invalid). */
  private readonly configOfDir = new Map<string, string | undefined>();
  private readonly configs = new Map<string, ProjectConfig | undefined>();
  /** The text each config was loaded from (an open one's is the editor's at that moment). */
  private readonly configTexts = new Map<string, string>();
  /** Broken configs already announced, so the user is told once (again only after the file was valid on disk). */
  private readonly announced = new Set<string>();
  /** Workspace folder paths, so a project config is looked up no higher than its folder. */
  folders: string[] = [];
  /**
   * Told every config read so far whenever one is read or forgotten: what they declare to the
   * project (`machines:`, `compose.projects`) is in place before any file they govern is linted, since
   * a file's options, which read its config, come first.
   */
  onConfigs: (configs: ProjectConfig[]) => void = () => undefined;

  constructor(
    private readonly connection: Connection,
    private readonly askClient: boolean,
    private readonly registry: Registry,
    private readonly log: (message: string) => void,
    /** Tells the user (a notification): a broken config is not a log line to find. */
    private readonly warn: (message: string) => void = log,
    /** The editor's text of a file open in it: an open config applies as it is typed. */
    private readonly openText: (path: string) => string | undefined = () => undefined,
  ) {}

  /** The innermost workspace folder holding `path`, or '' outside them all. */
  folderOf(path: string): string {
    let best = '';
    for (const folder of this.folders) if (isWithin(path, folder) && folder.length > best.length) best = folder;
    return best;
  }

  /** The options for the file at `path`. */
  optionsFor(path: string): Promise<LintOptions> {
    const folder = this.folderOf(path);
    const configPath = this.configPath(path);
    const key = `${folder}\u0000${configPath ?? ''}`;
    let options = this.options.get(key);
    if (!options) {
      options = this.settingsOf(folder).then(({ options: fromClient }) => {
        const fromFile = configPath ? (this.config(configPath)?.options ?? {}) : {};
        return withDefaults({ ...fromClient, ...fromFile, rules: { ...fromClient.rules, ...fromFile.rules } });
      });
      this.options.set(key, options);
    }
    return options;
  }

  /** `dockguard.scope` for a workspace folder (asking the client loads the folder's excludes too). */
  async scopeOf(folder: string): Promise<Scope> {
    return (await this.settingsOf(folder)).scope;
  }

  /**
   * True when the workspace scan and the file watcher skip `path`: .gitignore files, the governing
   * config's `ignore`, `files.exclude` and `dockguard.exclude` (engine/ignore.ts, as the CLI's walk).
   */
  ignores(path: string, isDir: boolean): boolean {
    const folder = this.folderOf(path) || dirname(path);
    let matcher = this.matchers.get(folder);
    if (!matcher) {
      const exclude = this.excludes.get(folder);
      matcher = new IgnoreMatcher(folder, exclude ? [exclude] : []);
      this.matchers.set(folder, matcher);
    }
    const config = this.projectConfig(isDir ? `${path}/.` : path);
    return matcher.ignores(path, isDir, config ? [configIgnoreSource(config)] : []);
  }

  kindOf(path: string): string | undefined {
    return this.projectConfig(path)?.addedFiles?.kindOf(path);
  }

  /**
   * The `.dockguard.yaml` governing the file at `path`, found as the CLI finds it. A broken one is
   * not used: the user is told once (its findings, DG010, are in the file itself).
   */
  projectConfig(path: string): ProjectConfig | undefined {
    const configPath = this.configPath(path);
    return configPath ? this.config(configPath) : undefined;
  }

  /** The path of the `.dockguard.yaml` governing `path` (valid or not), as the CLI finds it; cached per directory. */
  configPath(path: string): string | undefined {
    if (!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path)) return undefined;
    const dir = dirname(path);
    if (this.configOfDir.has(dir)) return this.configOfDir.get(dir);
    const configPath = findProjectConfig(dir, this.folders, existsSync);
    this.configOfDir.set(dir, configPath);
    return configPath;
  }

  /** Forget every cached answer (the client's settings changed). */
  clear(): void {
    this.folderSettings.clear();
    this.excludes.clear();
    this.matchers.clear();
    this.options.clear();
    this.configOfDir.clear();
    this.configs.clear();
    this.configTexts.clear();
  }

  /**
   * A config file was created, changed, deleted or edited: forget what depended on it. Returns the
   * folder it governs, and whether what the walks take there may differ (its `ignore` or the files
   * it adds to kinds changed, or it was not loaded before).
   */
  forgetConfig(configPath: string): { governed: string; walkChanged: boolean } {
    const governed = dirname(configPath);
    const before = this.configs.has(configPath) ? walkShape(this.configs.get(configPath)) : undefined;
    this.configs.delete(configPath);
    this.configTexts.delete(configPath);
    for (const dir of [...this.configOfDir.keys()]) if (isWithin(dir, governed)) this.configOfDir.delete(dir);
    this.matchers.clear();
    this.options.clear();
    // Read again at once, so what it declares is in place before the files below it are re-linted.
    if (existsSync(configPath)) this.configs.set(configPath, this.read(configPath));
    this.onConfigs(this.loadedConfigs());
    return { governed, walkChanged: before === undefined || before !== walkShape(this.configs.get(configPath)) };
  }

  /** The text the config in use was loaded from: an edit not applied yet differs from the document's. */
  loadedText(configPath: string): string | undefined {
    this.config(configPath);
    return this.configTexts.get(configPath);
  }

  /** A `.gitignore` changed: the matchers, which cache them, start afresh. */
  forgetIgnoreFiles(): void {
    this.matchers.clear();
  }

  /** Globs for the client's file watcher that cover the files the loaded configs add to kinds. */
  addedFileGlobs(): string[] {
    return [...new Set([...this.configs.values()].flatMap((config) => (config ? watchGlobs(config.kindFiles) : [])))].sort();
  }

  private settingsOf(folder: string): Promise<FolderSettings> {
    let settings = this.folderSettings.get(folder);
    if (!settings) {
      settings = this.askFor(folder);
      this.folderSettings.set(folder, settings);
    }
    return settings;
  }

  private async askFor(folder: string): Promise<FolderSettings> {
    if (!this.askClient) return { options: {}, scope: 'workspace' };
    const scopeUri = folder === '' ? undefined : pathToFileURL(folder).href;
    try {
      const [dockguard, files] = await this.connection.workspace.getConfiguration([{ scopeUri, section: SETTINGS_SECTION }, { scopeUri, section: 'files' }]);
      if (folder !== '') {
        const patterns = [...excludePatterns((files as { exclude?: unknown } | null)?.exclude), ...excludePatterns((dockguard as DockguardSettings | null)?.exclude)];
        this.excludes.set(folder, { base: folder, patterns });
        this.matchers.delete(folder);
      }
      return { options: settingsToOptions(dockguard, this.log), scope: settingsToScope(dockguard, this.log) };
    } catch (error) {
      this.log(`could not read the dockguard settings for ${folder || 'files outside the workspace'}: ${(error as Error).message}`);
      return { options: {}, scope: 'workspace' };
    }
  }

  private config(configPath: string): ProjectConfig | undefined {
    if (!this.configs.has(configPath)) {
      this.configs.set(configPath, this.read(configPath));
      this.onConfigs(this.loadedConfigs());
    }
    return this.configs.get(configPath);
  }

  private loadedConfigs(): ProjectConfig[] {
    return [...this.configs.values()].filter((c): c is ProjectConfig => c !== undefined);
  }

  private read(configPath: string): ProjectConfig | undefined {
    const open = this.openText(configPath);
    let text: string;
    try {
      text = open ?? readFileSync(configPath, 'utf8');
    } catch (error) {
      this.log(`could not read ${configPath}: ${(error as Error).message}`);
      return undefined;
    }
    this.configTexts.set(configPath, text);
    const loaded = loadProjectConfig(text, configPath, knownRuleIds(this.registry));
    if (loaded.config) {
      // While it is being typed, one notification is enough: DG010 shows each problem where the user types.
      if (open === undefined) this.announced.delete(configPath);
      return loaded.config;
    }
    if (!this.announced.has(configPath)) {
      this.announced.add(configPath);
      const first = loaded.problems[0];
      this.warn(`dockguard: ${configPath} is invalid (line ${first.line}: ${first.message}); linting with the default settings until it is fixed.`);
    }
    return undefined;
  }
}
