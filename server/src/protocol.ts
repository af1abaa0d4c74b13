/**
 * The contract between the VS Code client and the language server (vscode-eslint's `$shared`):
 * the settings section and what it holds, and the command the server executes. Imported by both
 * bundles, so it holds types and constants only.
 */

/** The `workspace/configuration` section the server reads, per resource. */
export const SETTINGS_SECTION = 'dockguard';

/** `dockguard.*` settings as the client sends them; the server validates every field. */
export interface DockguardSettings {
  /** `recommended` (CIS L1), `strict` (adds L2) or `all`. */
  profile?: string;
  /** The dockerd release judged, `major.minor`. */
  dockerVersion?: string;
  /** Per-rule overrides: `{ "DG103": "error" | "warning" | "info" | "off" }`. */
  rules?: Record<string, string>;
  /** Globs (relative to the workspace folder) the workspace scan skips, beside `files.exclude`. */
  exclude?: string[];
  /** What is linted: every matching file of the workspace, or only the files open in the editor. */
  scope?: string;
  /** The folder "Check this host" treats as `/` (a mounted image); unset: this host's `/`. */
  hostRoot?: string;
}

/** The values of `dockguard.scope`. */
export const SCOPES = ['workspace', 'openFiles'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Server → client notification `dockguard/status`, sent whenever the workspace's counts or the scan
 * state change: the client's status-bar item shows it (the LSP has no status of its own).
 */
export const STATUS_NOTIFICATION = 'dockguard/status';

export interface StatusParams {
  /** Error- and warning-level diagnostics over every file the Problems view lists. */
  errors: number;
  warnings: number;
  /** The profile in use: one name, or several joined by ", " when folders differ. */
  profile: string;
  /** True while the workspace scan runs. */
  scanning: boolean;
  /** True when a workspace folder is `/` or `/etc`: the item offers "Check this host" (CHECK_HOST_COMMAND). */
  offerHostCheck: boolean;
}

/**
 * What the client says at `initialize` (`initializationOptions`). VS Code shows a diagnostic in its
 * own hover, so our client sets `findingsInHover: false`; a client that says nothing gets the
 * findings in the hover too.
 */
export interface InitializationOptions {
  findingsInHover?: boolean;
}

/**
 * Server command behind "Show documentation for DGnnn": arguments `[url]`. The server answers by
 * asking the client to open the URL externally (`window/showDocument`), so any LSP client works.
 */
export const SHOW_DOCUMENTATION_COMMAND = 'dockguard.showDocumentation';

/** Server command behind "dockguard: Fix all safe problems in the workspace" (no arguments). */
export const FIX_WORKSPACE_COMMAND = 'dockguard.fixAllInWorkspace';

/**
 * Server command behind "dockguard: Check this host": host mode in the server, read-only (nothing
 * executed or written, no network). Arguments `[{ root?: string }]`: the folder treated as `/`,
 * else the `hostRoot` setting, else `/`. The findings are published as diagnostics on the host's
 * files (`/etc/docker/daemon.json` …), those of the previous check cleared; the answer is a
 * CheckHostResult, and the server shows its summary.
 */
export const CHECK_HOST_COMMAND = 'dockguard.checkHost';

export interface CheckHostArguments {
  root?: string;
}

export type CheckHostResult =
  | { root: string; files: number; errors: number; warnings: number; infos: number }
  | { root: string; problem: string };

/** The code action kind of "Fix all safe problems in this file" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.dockguard';
