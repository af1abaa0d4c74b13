// One case per file kind: every scenario of the editor suites runs on each case that has what it
// needs. A new file kind adds a case here, not a harness. Paths are relative to the repository
// (`workspace`) and to that workspace folder (`file`); what the editors must show is computed from
// the CLI and the engine at test time, except the documented facts a hover must carry.
export const CASES = [
  {
    kind: 'daemon.json',
    workspace: 'examples/insecure-host',
    file: 'etc/docker/daemon.json',
    // VS Code cancels the code action requests in flight when another provider for the file registers,
    // and the built-in JSON language server starts beside ours: a save's fix-all then applies nothing.
    // Scenarios start once its document symbols (this key, in the breadcrumbs) show it is up.
    otherLanguageServer: { cursorOn: '"hosts"', breadcrumb: 'hosts' },
    // Hover this text: the finding's message (icc is also set by --icc in the drop-in) and the key's
    // documentation (reference §1: icc defaults to true, is set by --icc, CIS 2.2).
    hover: { text: '"icc"', rule: 'DG202', shows: ['default true', '--icc', 'CIS 2.2'] },
    quickFix: { rule: 'DG105' },
    // Typed on a new line after the opening brace: the suggestion, what its documentation says, the
    // value choice taken, and the line once accepted (the typed text replaced, a comma before the next key).
    completion: { typed: '"userland-pr', label: 'userland-proxy', shows: ['default true', '--userland-proxy'], choose: 'false',
      accepted: /^ {2}"userland-proxy": false,$/ },
    screenshots: true,
  },
  {
    kind: 'docker.service',
    workspace: 'examples/insecure-host',
    // The drop-in that repeats hosts and icc as dockerd flags: the squiggles sit on the flags themselves,
    // on the continuation lines of ExecStart.
    file: 'etc/systemd/system/docker.service.d/override.conf',
    hover: { text: '--icc=true', rule: 'DG103', shows: ['--icc sets "icc" in daemon.json', 'default true', 'CIS 2.2'] },
    quickFix: { rule: 'DG103' },
  },
];
