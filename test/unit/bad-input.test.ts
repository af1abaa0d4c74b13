/**
 * Bad input, as a user meets it: each file gives the exact finding (rule, line:column, message) through
 * the engine and through the CLI (`--format json`, exit code), and nothing crashes or hangs.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { decodeBytes } from '../../server/src/engine/decode';
import { lintSources, projectOf } from '../../server/src/engine/api';
import { fixAll } from '../../server/src/engine/fixes';
import { withDefaults } from '../../server/src/engine/options';
import { LineIndex } from '../../server/src/engine/positions';
import { MAX_JSON_DEPTH } from '../../server/src/formats/daemon-json/parse';
import { runCli, tempWorkspace } from '../cli/harness';
import { REGISTRY } from '../../server/src/registry';

const PATH = '/host/etc/docker/daemon.json';
const OPTIONS = withDefaults();

/** The file's findings as `line:column RULE message`, read from its bytes as the CLI reads them. */
function lintBytes(content: string | Uint8Array): string[] {
  const decoded = decodeBytes(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  const source = { path: PATH, kind: 'daemon-json' as const, text: decoded.text, decodeProblem: decoded.problem?.message, decodeOffset: decoded.problem?.offset };
  const index = new LineIndex(decoded.text);
  return (lintSources([source], OPTIONS, REGISTRY).findings.get(PATH) ?? []).map((f) => {
    const p = index.positionAt(f.span.start);
    return `${p.line + 1}:${p.character + 1} ${f.ruleId} ${f.message}`;
  });
}

/** `dockguard lint --kind daemon-json --format json FILE` on the content: exit code and findings. */
function cliLint(content: string | Uint8Array): { code: number | null; findings: string[] } {
  const dir = tempWorkspace({ 'input.json': content });
  const run = runCli(['lint', '--kind', 'daemon-json', '--format', 'json', join(dir, 'input.json')], dir);
  assert.equal(run.stderr, '', 'the CLI wrote to stderr');
  const report = JSON.parse(run.stdout) as { files: number; findings: { line: number; column: number; rule: string; message: string }[] };
  assert.equal(report.files, 1);
  return { code: run.code, findings: report.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`) };
}

const ofRule = (rule: string) => (line: string) => line.split(' ')[1] === rule;

/** The findings a settings-free object gets on this host: the missing-setting rules, at the `{`. */
const MISSING_SETTING_RULES = lintBytes('{}').map((line) => line.split(' ')[1]);

describe('empty and whitespace-only files (dockerd: an empty configuration)', () => {
  for (const [name, text] of [['empty', ''], ['newline-only', '\n'], ['whitespace-only', ' \n\t\r\n  ']]) {
    it(`${name}: judged as {}, at 1:1`, () => {
      assert.deepEqual(lintBytes(text), lintBytes('{}'));
      assert.deepEqual(cliLint(text), cliLint('{}'));
    });
  }
});

describe('text that is not a daemon.json object', () => {
  const cases: [string, string, string][] = [
    ['[]', '[]', "1:1 DG001 Syntax error: daemon.json must hold a JSON object, not an array"],
    ['a lone {', '{', "1:2 DG001 Syntax error: expected a key in double quotes or '}', found the end of the file"],
    // One error at the end, saying what must come next: not one per bracket left open.
    ['truncated after a comma', '{"debug": true,', '1:16 DG001 Syntax error: expected a key in double quotes, found the end of the file'],
    ['truncated after a colon', '{"debug": ', '1:11 DG001 Syntax error: expected a value, found the end of the file'],
    ['truncated in a list', '{"dns": ["1.1.1.1",\n', '2:1 DG001 Syntax error: expected a value, found the end of the file'],
    ['truncated in a string', '{"debu', "1:2 DG001 Syntax error: unterminated string, found '\"debu'"],
    ['a string', '"icc"', '1:1 DG001 Syntax error: daemon.json must hold a JSON object, not a string'],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}: ${expected}`, () => {
      assert.deepEqual(lintBytes(text), [expected]);
      assert.deepEqual(cliLint(text), { code: 1, findings: [expected] });
    });
  }
});

describe('bytes that are not text', () => {
  it('a NUL byte: DG001 binary content, at that byte', () => {
    const expected = ['1:6 DG001 Syntax error: binary content (a NUL byte at offset 5): this is not a text configuration file'];
    const bytes = Uint8Array.from([...Buffer.from('{"a":'), 0, ...Buffer.from('}')]);
    assert.deepEqual(lintBytes(bytes), expected);
    assert.deepEqual(cliLint(bytes), { code: 1, findings: expected });
  });

  it('invalid UTF-8: DG001 at the offending byte, with the offset dockerd reports', () => {
    const bytes = Uint8Array.from([...Buffer.from('{"debug": '), 0xff, 0xfe, ...Buffer.from(' true}')]);
    const expected = ['1:11 DG001 Syntax error: invalid UTF-8 at byte 10: dockerd fails with "failed to decode configuration JSON at offset 10"'];
    assert.deepEqual(lintBytes(bytes), expected);
    assert.deepEqual(cliLint(bytes), { code: 1, findings: expected });
  });

  it('a truncated multi-byte sequence at the end: the offset of its lead byte', () => {
    const bytes = Uint8Array.from([...Buffer.from('{"labels": ["é'), 0xe2, 0x82]);
    // '{"labels": ["' is 13 bytes and 'é' two more: the broken sequence starts at byte 15.
    assert.match(lintBytes(bytes)[0], /^1:15 DG001 Syntax error: invalid UTF-8 at byte 15:/);
  });
});

describe('encodings and line endings dockerd accepts lint normally, at the right positions', () => {
  const body = '{\n  "debug": false,\n  "icc": true\n}\n';
  const icc = '3:3 DG103 "icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2).';
  const encodings: [string, Uint8Array][] = [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')])],
    ['CRLF line endings', Buffer.from(body.replace(/\n/g, '\r\n'))],
    ['lone CR line endings', Buffer.from(body.replace(/\n/g, '\r'))],
  ];
  for (const [name, bytes] of encodings) {
    it(`${name}: DG103 at line 3, column 3`, () => {
      assert.deepEqual(lintBytes(bytes).filter(ofRule('DG103')), [icc]);
      assert.equal(lintBytes(bytes).filter(ofRule('DG001')).length, 0);
      const cli = cliLint(bytes);
      assert.deepEqual(cli.findings.filter(ofRule('DG103')), [icc]);
      assert.equal(cli.code, 0);
    });
  }

  it('a CRLF file with a syntax error: the error at its own line and column', () => {
    const text = '{\r\n  "debug": false\r\n  "icc": false\r\n}\r\n';
    assert.deepEqual(lintBytes(text).filter(ofRule('DG001')), ["3:3 DG001 Syntax error: expected ',' or '}', found '\"icc\"'"]);
  });
});

describe('odd but well-formed values', () => {
  it('unknown keys, null values and an out-of-range number each get their own finding', () => {
    const text = '{"live-restor": true, "debug": null, "max-concurrent-downloads": 1e400}';
    const atTheirValues = lintBytes(text).filter((line) => !(line.startsWith('1:1 ') && MISSING_SETTING_RULES.includes(line.split(' ')[1])));
    assert.deepEqual(atTheirValues, [
      '1:2 DG002 Unknown option "live-restor": dockerd refuses to start on a key it does not know; did you mean "live-restore"?',
      '1:32 DG003 Invalid value for "debug": it must be a boolean, not null.',
      '1:66 DG003 Invalid value for "max-concurrent-downloads": it must be an integer, not the number Infinity.',
    ]);
  });
});

/** `{"labels": [...]}` of about `bytes` bytes, one label per line or all on one line. */
function labelsFile(bytes: number, oneLine: boolean): string {
  const labels: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const label = `"com.example.team${i}=platform-${i}"`;
    labels.push(label);
    size += label.length + 6;
  }
  return oneLine ? `{"labels": [${labels.join(',')}], "icc": false}` : `{\n  "labels": [\n    ${labels.join(',\n    ')}\n  ],\n  "icc": false\n}\n`;
}

describe('large files', () => {
  const FIVE_MB = 5 * 1024 * 1024;

  it('a valid 5 MB daemon.json gets the same findings as a small one of that shape', () => {
    const small = lintBytes(labelsFile(100, false));
    assert.ok(small.length > 0);
    assert.deepEqual(lintBytes(labelsFile(FIVE_MB, false)), small);
  });

  it('an invalid 5 MB daemon.json: DG001 where the closing ] is missing', () => {
    const text = labelsFile(FIVE_MB, false).replace('\n  ],\n', '\n  \n');
    const icc = new LineIndex(text).positionAt(text.indexOf('"icc"'));
    const errors = lintBytes(text).filter(ofRule('DG001'));
    assert.ok(errors.length > 0);
    // The parser meets `"icc"` where the array needed a ',' or its ']'.
    assert.match(errors[0], new RegExp(`^${icc.line + 1}:3 DG001 Syntax error: expected ',' or .*, found '"icc"'$`));
    assert.deepEqual(cliLint(text).code, 1);
  });

  it('a 4.5 MB daemon.json on one line lints, and fix-all keeps it one valid line', () => {
    const text = labelsFile(4.5 * 1024 * 1024, true).replace('"icc": false', '"icc": true');
    assert.deepEqual(lintBytes(text).filter(ofRule('DG103')).map((l) => l.split(' ').slice(0, 2).join(' ')), [`1:${text.indexOf('"icc"') + 1} DG103`]);
    const fixed = fixAll(projectOf([{ path: PATH, kind: 'daemon-json', text }], REGISTRY), [PATH], OPTIONS, ['safe', 'unsafe']).texts.get(PATH);
    assert.ok(fixed !== undefined);
    assert.doesNotThrow(() => JSON.parse(fixed));
    assert.equal(fixed.split('\n').length, 1);
    assert.equal(JSON.parse(fixed).icc, false);
  });

  it('the CLI lints the valid 5 MB file and exits 0', () => {
    const cli = cliLint(labelsFile(FIVE_MB, false));
    assert.equal(cli.code, 0);
    assert.deepEqual(cli.findings.filter(ofRule('DG001')), []);
  });
});

describe('deep nesting never overflows the stack', () => {
  it('10,000 nested arrays: one DG001 about nesting, at the first bracket too deep', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000);
    const expected = [`1:${MAX_JSON_DEPTH + 1} DG001 Syntax error: JSON nested deeper than ${MAX_JSON_DEPTH} levels is not analysed`];
    assert.deepEqual(lintBytes(text), expected);
    assert.deepEqual(cliLint(text), { code: 1, findings: expected });
  });

  it('10,000 nested objects under a real key: the same, at the first brace too deep', () => {
    const text = '{"log-opts": ' + '{"a": '.repeat(9_999) + '1' + '}'.repeat(10_000);
    // `{"log-opts": ` holds depth 1; each `{"a": ` is 6 characters.
    const column = '{"log-opts": '.length + (MAX_JSON_DEPTH - 1) * 6 + 1;
    assert.deepEqual(lintBytes(text), [`1:${column} DG001 Syntax error: JSON nested deeper than ${MAX_JSON_DEPTH} levels is not analysed`]);
  });

  it(`nesting at the limit (${MAX_JSON_DEPTH}) goes through schema, rules and fix-all`, () => {
    const deep = (open: string, close: string) => open.repeat(MAX_JSON_DEPTH - 1) + close.repeat(MAX_JSON_DEPTH - 1);
    for (const value of [deep('[', ']'), deep('{"a": ', '}').replace(/\{"a": \}/, '{}')]) {
      const text = `{"icc": true, "labels": ${value}, "log-opts": ${value}}`;
      const findings = lintBytes(text);
      assert.deepEqual(findings.filter((l) => /DG00[01]/.test(l)), []);
      assert.ok(findings.some(ofRule('DG103')));
      const fixed = fixAll(projectOf([{ path: PATH, kind: 'daemon-json', text }], REGISTRY), [PATH], OPTIONS, ['safe', 'unsafe']).texts.get(PATH);
      assert.equal(JSON.parse(fixed ?? text).icc, false);
    }
  });
});
