// One case per file kind: every scenario of the editor suites runs on each case that has what it
// needs. A new file kind adds a case here, not a harness. Paths are relative to the repository
// (`workspace`) and to that workspace folder (`file`); what the editors must show is computed from
// the CLI and the engine at test time, except the documented facts a hover must carry.
export const CASES = [
  {
    kind: 'daemon.json',
    workspace: 'examples/insecure-host',
    file: 'etc/docker/daemon.json',
    // Hover this text: the finding's message and the key's documentation (reference §1: icc defaults
    // to true, is set by --icc, CIS 2.2).
    hover: { text: '"icc"', rule: 'DG103', shows: ['default true', '--icc', 'CIS 2.2'] },
    quickFix: { rule: 'DG103' },
    // Typed on a new line after the opening brace: the suggestion, what its documentation says, and
    // the line once it is accepted (the typed text replaced, not kept).
    completion: { typed: '"userland-pr', label: 'userland-proxy', shows: ['default true', '--userland-proxy'],
      accepted: /^ {2}"userland-proxy": (false|true),?$/ },
    screenshots: true,
  },
];
