/**
 * `--format sarif`: checked against the SARIF 2.1.0 fields code-scanning services need (an excerpt of
 * the OASIS schema written here, no download), and against what each result must say.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import { RULES } from '../../server/src/rules';
import { REGISTRY } from '../../server/src/registry';
import { HARDENED_DAEMON_JSON, runCli, tempWorkspace } from './harness';

const region = {
  type: 'object',
  required: ['startLine', 'startColumn', 'endLine', 'endColumn'],
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
  },
};
const artifactLocation = { type: 'object', required: ['uri'], properties: { uri: { type: 'string', minLength: 1 }, uriBaseId: { type: 'string' } } };
const physicalLocation = { type: 'object', required: ['artifactLocation', 'region'], properties: { artifactLocation, region } };
const message = { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } };
const level = { enum: ['none', 'note', 'warning', 'error'] };

const SARIF_ESSENTIALS = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array', minItems: 1, maxItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object', required: ['driver'],
            properties: {
              driver: {
                type: 'object', required: ['name', 'rules'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'name', 'shortDescription', 'helpUri', 'defaultConfiguration', 'properties'],
                      properties: {
                        id: { type: 'string', pattern: '^DG\\d{3}$' },
                        shortDescription: message,
                        helpUri: { type: 'string', pattern: '^https://' },
                        defaultConfiguration: { type: 'object', required: ['level'], properties: { level } },
                        properties: { type: 'object', required: ['tags'], properties: { tags: { type: 'array', items: { type: 'string' } } } },
                      },
                    },
                  },
                },
              },
            },
          },
          originalUriBaseIds: { type: 'object', additionalProperties: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', pattern: '^file:///.*/$' } } } },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'ruleIndex', 'level', 'message', 'locations'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: 0 },
                level,
                message,
                locations: { type: 'array', minItems: 1, items: { type: 'object', required: ['physicalLocation'], properties: { physicalLocation } } },
                relatedLocations: { type: 'array', items: { type: 'object', required: ['id', 'message', 'physicalLocation'], properties: { id: { type: 'integer' }, message, physicalLocation } } },
                fixes: {
                  type: 'array',
                  items: {
                    type: 'object', required: ['description', 'artifactChanges'],
                    properties: {
                      description: message,
                      artifactChanges: {
                        type: 'array', minItems: 1,
                        items: {
                          type: 'object', required: ['artifactLocation', 'replacements'],
                          properties: {
                            artifactLocation,
                            replacements: { type: 'array', minItems: 1, items: { type: 'object', required: ['deletedRegion'], properties: { deletedRegion: region, insertedContent: { type: 'object', required: ['text'] } } } },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(SARIF_ESSENTIALS);

function assertValidSarif(log: unknown): void {
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; name: string; helpUri: string; defaultConfiguration: { level: string }; properties: { tags: string[]; cis?: Record<string, string>; cisLevel?: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[]; relatedLocations?: unknown[]; fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[] }[];
  }[];
}

describe('--format sarif', () => {
  const ws = tempWorkspace({ 'etc/docker/daemon.json': HARDENED_DAEMON_JSON.replace('"icc": false,', '"icc": true,').replace('"storage-driver": "overlay2"', '"storage-driver": "overlay2",') });
  const run = runCli(['lint', '--format', 'sarif', '.'], ws);
  const log = JSON.parse(run.stdout) as SarifLog;
  const [sarifRun] = log.runs;

  it('is valid against the essential SARIF 2.1.0 fields, and the exit code still follows --fail-on', () => {
    assertValidSarif(log);
    assert.equal(run.code, 1);
  });

  it('describes every registered rule (and DG000) with its doc page, level and CIS ids', () => {
    const rules = sarifRun.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), ['DG000', ...RULES.map((r) => r.meta.id)]);
    const dg103 = rules.find((r) => r.id === 'DG103')!;
    assert.equal(dg103.helpUri, 'https://github.com/dockguard/dockguard/blob/main/docs/rules/DG103.md');
    assert.equal(dg103.defaultConfiguration.level, 'warning');
    assert.deepEqual(dg103.properties.cis, { 'v1.6.0': '2.2', 'v1.5.0': '2.2' });
    assert.equal(dg103.properties.cisLevel, 'L1');
    assert.ok(dg103.properties.tags.includes('CIS-L1'));
  });

  it('gives each result its rule, level, message and a 1-based region in a file relative to %SRCROOT%', () => {
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(ws + '/').href);
    const results = sarifRun.results.map((r) => ({ rule: r.ruleId, index: r.ruleIndex, level: r.level, location: r.locations[0].physicalLocation }));
    assert.deepEqual(results, [
      { rule: 'DG103', index: sarifRun.tool.driver.rules.findIndex((r) => r.id === 'DG103'), level: 'warning', location: { artifactLocation: { uri: 'etc/docker/daemon.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 8 } } },
      { rule: 'DG007', index: sarifRun.tool.driver.rules.findIndex((r) => r.id === 'DG007'), level: 'error', location: { artifactLocation: { uri: 'etc/docker/daemon.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 14, startColumn: 31, endLine: 14, endColumn: 32 } } },
    ]);
  });

  it('carries every applicable fix as replacements, an unsafe one saying so', () => {
    const [icc, comma] = sarifRun.results;
    assert.deepEqual(icc.fixes, [{
      description: { text: 'Set "icc" to false (containers on docker0 can no longer talk to each other) (unsafe: applied by --fix-unsafe only).' },
      artifactChanges: [{ artifactLocation: { uri: 'etc/docker/daemon.json', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: 2, startColumn: 10, endLine: 2, endColumn: 14 }, insertedContent: { text: 'false' } }] }],
    }]);
    assert.deepEqual(comma.fixes, [{
      description: { text: 'Remove the trailing comma.' },
      artifactChanges: [{ artifactLocation: { uri: 'etc/docker/daemon.json', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: 14, startColumn: 31, endLine: 14, endColumn: 32 }, insertedContent: { text: '' } }] }],
    }]);
  });

  it('a fix that creates or edits another file changes several artifacts', () => {
    const unit = '[Service]\nType=notify\nExecStart=/usr/bin/dockerd --containerd=/run/containerd/containerd.sock \\\n    --icc\n';
    const multi = tempWorkspace({ 'etc/docker/daemon.json': '{\n    "live-restore": true\n}\n', 'etc/systemd/system/docker.service': unit });
    const results = (JSON.parse(runCli(['lint', '--format', 'sarif', '.'], multi).stdout) as SarifLog).runs[0].results;
    const move = results.find((r) => r.ruleId === 'DG103')!.fixes!.find((f) => f.description.text.startsWith('Move --icc'))!;
    assert.deepEqual(move.artifactChanges.map((c) => [c.artifactLocation.uri, c.replacements.map((r) => r.insertedContent.text)]), [
      ['etc/systemd/system/docker.service', ['']],
      ['etc/docker/daemon.json', ['    "live-restore": true,\n    "icc": false']],
    ]);
  });

  it('rules carry a full description, help from their doc page and a security-severity', () => {
    const rule = (id: string) => sarifRun.tool.driver.rules.find((r) => r.id === id) as unknown as { fullDescription: { text: string }; help: { text: string; markdown: string }; properties: Record<string, unknown> };
    const dg103 = rule('DG103');
    assert.match(dg103.fullDescription.text, /^Reports .*\.$/);
    assert.match(dg103.help.markdown, /^## What it does\n/);
    assert.match(dg103.help.markdown, /```json insecure etc\/docker\/daemon.json\n/);
    assert.doesNotMatch(dg103.help.text, /\*\*/);
    assert.deepEqual(['DG101', 'DG103', 'DG110', 'DG001'].map((id) => rule(id).properties['security-severity']), ['8.5', '6.5', '2.5', '7.5']);
  });

  it('fingerprints survive lines moving and tell apart two findings of one rule', () => {
    const moved = tempWorkspace({ 'etc/docker/daemon.json': '\n\n' + readFileSync(join(ws, 'etc/docker/daemon.json'), 'utf8') });
    const after = (JSON.parse(runCli(['lint', '--format', 'sarif', '.'], moved).stdout) as SarifLog).runs[0].results;
    const prints = (results: SarifLog['runs'][0]['results']) => results.map((r) => (r as unknown as { partialFingerprints: Record<string, string> }).partialFingerprints['dockguardFinding/v1']);
    assert.deepEqual(prints(after), prints(sarifRun.results));
    assert.notDeepEqual(after[0].locations[0].physicalLocation.region, sarifRun.results[0].locations[0].physicalLocation.region);
    const examples = (JSON.parse(runCli(['lint', '--format', 'sarif', '--fail-on', 'never', '--profile', 'all', 'examples']).stdout) as SarifLog).runs[0].results;
    assert.equal(new Set(prints(examples)).size, examples.length, 'no two results share a fingerprint');
  });

  it('puts related information in relatedLocations', () => {
    const file = '/ws/etc/docker/daemon.json';
    const text = '{"debug": true, "debug": false}';
    const finding = {
      ruleId: 'DG004', ruleName: 'duplicate-key', severity: 'warning' as const, message: '"debug" is given twice', file,
      span: { start: 1, end: 8 }, related: [{ location: { file, span: { start: 16, end: 23 } }, message: 'the value dockerd uses' }],
      fixes: [], tags: [], docsUrl: '',
    };
    const out = JSON.parse(formatSarif([{ finding, file: 'etc/docker/daemon.json', line: 1, column: 2, endLine: 1, endColumn: 9, fixes: [] }], [{ path: file, kind: 'daemon-json', text }], REGISTRY, '/ws')) as SarifLog;
    assertValidSarif(out);
    assert.deepEqual(out.runs[0].results[0].relatedLocations, [{
      id: 0,
      message: { text: 'the value dockerd uses.' },
      physicalLocation: { artifactLocation: { uri: 'etc/docker/daemon.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 17, endLine: 1, endColumn: 24 } },
    }]);
  });
});
