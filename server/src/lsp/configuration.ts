/**
 * Lint options per resource: the client's `dockguard.*` settings for that resource with
 * `.dockguard.yaml` laid over them (the file the CLI reads wins, so editor and CI agree; a setting
 * counts only where the user set it: package.json gives the settings no defaults), read with
 * `workspace/configuration` and cached until `didChangeConfiguration` or a config file changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { PROFILES, withDefaults, type LintOptions, type Profile, type RuleSetting } from '../engine/options';
import { configIgnoreSource, excludePatterns, IgnoreMatcher, type IgnoreSource } from '../engine/ignore';
import { findProjectConfig, loadProjectConfig, type ProjectConfig } from '../engine/project-config';
import { knownRuleIds, type Registry } from '../engine/registry';
import { SETTINGS_SECTION, type DockguardSettings } from '../protocol';

const RULE_SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

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

export class SettingsStore {
  private readonly cache = new Map<string, Promise<LintOptions>>();
  private readonly configs = new Map<string, ProjectConfig | undefined>();
  private readonly excludes = new Map<string, IgnoreSource>();
  private readonly matchers = new Map<string, IgnoreMatcher>();
  /** Broken configs already announced, by path and text, so the user is told once. */
  private readonly announced = new Set<string>();
  /** Workspace folder paths, so a project config is looked up no higher than its folder. */
  folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly askClient: boolean,
    private readonly registry: Registry,
    private readonly log: (message: string) => void,
    /** Tells the user (a notification): a broken config is not a log line to find. */
    private readonly warn: (message: string) => void = log,
  ) {}

  /** The options for the file at `path` (named by `uri` to the client). */
  optionsFor(uri: string, path: string): Promise<LintOptions> {
    let options = this.cache.get(uri);
    if (!options) {
      options = this.load(uri, path);
      this.cache.set(uri, options);
    }
    return options;
  }

  /**
   * Reads each folder's `files.exclude` and `dockguard.exclude` (globs relative to the folder), for
   * `ignores`. Called before the workspace scan and when settings change.
   */
  async loadExcludes(): Promise<void> {
    this.excludes.clear();
    this.matchers.clear();
    if (!this.askClient) return;
    for (const folder of this.folders) {
      const scopeUri = pathToFileURL(folder).href;
      try {
        const [files, dockguard] = await this.connection.workspace.getConfiguration([{ scopeUri, section: 'files' }, { scopeUri, section: SETTINGS_SECTION }]);
        const patterns = [...excludePatterns((files as { exclude?: unknown } | null)?.exclude), ...excludePatterns((dockguard as DockguardSettings | null)?.exclude)];
        this.excludes.set(folder, { base: folder, patterns });
      } catch (error) {
        this.log(`could not read the exclude settings for ${folder}: ${(error as Error).message}`);
      }
    }
  }

  /**
   * True when the workspace scan and the file watcher skip `path`: .gitignore files, the governing
   * config's `ignore`, `files.exclude` and `dockguard.exclude` (engine/ignore.ts, as the CLI's walk).
   */
  ignores(path: string, isDir: boolean): boolean {
    const folder = this.folders.find((f) => !relative(f, path).startsWith('..')) ?? dirname(path);
    let matcher = this.matchers.get(folder);
    if (!matcher) {
      const exclude = this.excludes.get(folder);
      matcher = new IgnoreMatcher(folder, exclude ? [exclude] : []);
      this.matchers.set(folder, matcher);
    }
    const config = this.projectConfig(isDir ? `${path}/.` : path);
    return matcher.ignores(path, isDir, config ? [configIgnoreSource(config)] : []);
  }

  /** Forget every cached answer (settings or a `.dockguard.yaml` changed). */
  clear(): void {
    this.cache.clear();
    this.configs.clear();
    this.matchers.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string, path: string): Promise<LintOptions> {
    const fromFile = this.projectConfigOptions(path);
    let fromClient: Partial<LintOptions> = {};
    if (this.askClient) {
      try {
        fromClient = settingsToOptions(await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }), this.log);
      } catch (error) {
        this.log(`could not read the dockguard settings for ${uri}: ${(error as Error).message}`);
      }
    }
    return withDefaults({ ...fromClient, ...fromFile, rules: { ...fromClient.rules, ...fromFile.rules } });
  }

  private projectConfigOptions(path: string): Partial<LintOptions> {
    return this.projectConfig(path)?.options ?? {};
  }

  /**
   * The `.dockguard.yaml` governing the file at `path`, found as the CLI finds it. A broken one is
   * not used: the user is told once (its findings, DG010, are in the file itself).
   */
  projectConfig(path: string): ProjectConfig | undefined {
    const configPath = this.configPath(path);
    if (!configPath) return undefined;
    if (!this.configs.has(configPath)) this.configs.set(configPath, this.read(configPath));
    return this.configs.get(configPath);
  }

  /** The path of the `.dockguard.yaml` governing `path` (valid or not), as the CLI finds it. */
  configPath(path: string): string | undefined {
    if (!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path)) return undefined;
    return findProjectConfig(dirname(path), this.folders, existsSync);
  }

  private read(configPath: string): ProjectConfig | undefined {
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (error) {
      this.log(`could not read ${configPath}: ${(error as Error).message}`);
      return undefined;
    }
    const loaded = loadProjectConfig(text, configPath, knownRuleIds(this.registry));
    if (loaded.config) return loaded.config;
    const key = `${configPath}\u0000${text}`;
    if (!this.announced.has(key)) {
      this.announced.add(key);
      const first = loaded.problems[0];
      this.warn(`dockguard: ${configPath} is invalid (line ${first.line}: ${first.message}); linting with the default settings until it is fixed.`);
    }
    return undefined;
  }
}
