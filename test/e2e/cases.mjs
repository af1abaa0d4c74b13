// One case per file kind: every scenario of the editor suites runs on each case that has what it
// needs. A new file kind adds a case here, not a harness. Paths are relative to the repository
// (`workspace`) and to that workspace folder (`file`); what the editors must show is computed from
// the CLI and the engine at test time, except the documented facts a hover must carry.
//
// DOCKGUARD_E2E_CASES=compose.yaml,audit-rules runs only the cases of those kinds (comma-separated),
// to iterate on one case.
const ALL_CASES = [
  {
    kind: 'daemon.json',
    workspace: 'examples/insecure-host',
    file: 'etc/docker/daemon.json',
    // The language VS Code gives the file, as its status bar names it.
    language: 'JSON',
    // VS Code cancels the code action requests in flight when another provider for the file registers,
    // and the built-in JSON language server starts beside ours: a save's fix-all then applies nothing.
    // Scenarios start once its document symbols (this key, in the breadcrumbs) show it is up.
    otherLanguageServer: { cursorOn: '"hosts"', breadcrumb: 'hosts' },
    // Hover this text: the finding's message (icc is also set by --icc in the drop-in) and the key's
    // documentation (reference §1: icc defaults to true, is set by --icc, CIS 2.2).
    hover: { text: '"icc"', rule: 'DG202', shows: ['default true', '--icc', 'CIS 2.2'] },
    quickFix: { rule: 'DG105' },
    // Typed on a new line after the first line holding `after`: the suggestion, what its documentation
    // says, the value choice taken, and the line once accepted (the typed text replaced, a comma before
    // the next key).
    completion: { after: '{', typed: '"userland-pr', label: 'userland-proxy', shows: ['default true', '--userland-proxy'], choose: 'false',
      accepted: /^ {2}"userland-proxy": false,$/ },
    screenshots: true,
  },
  {
    kind: 'docker.service',
    workspace: 'examples/insecure-host',
    // The drop-in that repeats hosts and icc as dockerd flags: the squiggles sit on the flags themselves,
    // on the continuation lines of ExecStart.
    file: 'etc/systemd/system/docker.service.d/override.conf',
    language: 'systemd unit',
    hover: { text: '--icc=true', rule: 'DG103', shows: ['--icc sets "icc" in daemon.json', 'default true', 'CIS 2.2'] },
    quickFix: { rule: 'DG103' },
  },
  {
    // VS Code gives compose.yaml the language `dockercompose` ("Compose", from its built-in YAML
    // extension), which brings no language server of its own.
    kind: 'compose.yaml',
    workspace: 'examples/insecure-host',
    file: 'opt/app/compose.yaml',
    language: 'Compose',
    // DG301's message and compose-spec's description of the key, under its path.
    hover: { text: 'privileged', rule: 'DG301', shows: ['services.web.privileged', 'Give extended privileges to the service container.'] },
    // A fix inside a quoted list item: "8080:80" becomes "127.0.0.1:8080:80".
    quickFix: { rule: 'DG317' },
    // A key of the service "web", on a new line its indentation carries (the editor keeps the line's
    // indentation on Enter): compose-spec's description, and `read_only: ` in place of what was typed.
    completion: { after: 'privileged: true', typed: 'read_on', label: 'read_only', shows: ["Mount the container's filesystem as read only."],
      accepted: /^ {4}read_only: $/ },
  },
  {
    // *.rules in an audit rules.d: the extension's own language `audit-rules` (package.json). Neovim 0.7
    // calls the file "hog" (Snort rules): the server goes by the path, whatever the client's language id.
    kind: 'audit-rules',
    workspace: 'examples/insecure-host',
    file: 'etc/audit/rules.d/docker.rules',
    language: 'Audit rules',
    // The rule without a key (DG405) and the documentation of the field under the mouse.
    hover: { text: 'path=', rule: 'DG405', shows: ['-F path', 'A file to watch (as -w on a file).'] },
    // DG401's fix that appends the watches covering every unwatched Docker path at once.
    quickFix: { rule: 'DG401', title: /^Add the \d+ watches that cover all \d+ paths/ },
    // A field after -F, with its documentation; the snippet leaves the cursor after `perm=`.
    completion: { after: '## ', typed: '-a always,exit -F pe', label: 'perm', shows: ['-F perm', 'The kinds of file access to match'],
      accepted: /^-a always,exit -F perm=$/ },
  },
];

const only = process.env.DOCKGUARD_E2E_CASES?.split(',').map((kind) => kind.trim()).filter(Boolean);
const unknown = only?.filter((kind) => !ALL_CASES.some((kase) => kase.kind === kind)) ?? [];
if (unknown.length > 0) throw new Error(`DOCKGUARD_E2E_CASES names no case of kind ${unknown.join(', ')}; the kinds are ${ALL_CASES.map((k) => k.kind).join(', ')}`);

export const CASES = only ? ALL_CASES.filter((kase) => only.includes(kase.kind)) : ALL_CASES;
