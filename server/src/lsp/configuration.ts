/**
 * Lint options per resource: `.dockguard.yaml` (the nearest one inside the workspace folder) with
 * the client's `dockguard.*` settings for that resource laid over it, read with
 * `workspace/configuration` and cached until `didChangeConfiguration` or a config file changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { PROFILES, withDefaults, type LintOptions, type Profile, type RuleSetting } from '../engine/options';
import { findProjectConfig, loadProjectConfig } from '../engine/project-config';
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
  /** Workspace folder paths, so a project config is looked up no higher than its folder. */
  folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly askClient: boolean,
    private readonly registry: Registry,
    private readonly log: (message: string) => void,
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

  /** Forget every cached answer (settings or a `.dockguard.yaml` changed). */
  clear(): void {
    this.cache.clear();
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
    return withDefaults({ ...fromFile, ...fromClient, rules: { ...fromFile.rules, ...fromClient.rules } });
  }

  private projectConfigOptions(path: string): Partial<LintOptions> {
    if (!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path)) return {};
    const folder = this.folders.find((f) => path.startsWith(f)) ?? dirname(path);
    const configPath = findProjectConfig(dirname(path), folder, existsSync);
    if (!configPath) return {};
    try {
      const loaded = loadProjectConfig(readFileSync(configPath, 'utf8'), configPath, knownRuleIds(this.registry));
      if (loaded.config) return loaded.config.options;
      for (const problem of loaded.problems) this.log(`${configPath}:${problem.line}:${problem.column}: ${problem.message} (the file is ignored)`);
    } catch (error) {
      this.log(`could not read ${configPath}: ${(error as Error).message}`);
    }
    return {};
  }
}
