/**
 * SARIF 2.1.0 that GitHub code scanning ingests cleanly (the SARIF Multitool's Sarif and Gh rules
 * pass): one run whose driver lists every rule with its doc page as help, CIS ids and
 * security-severity, and whose results carry 1-based regions relative to the repository root,
 * fingerprints that survive lines moving, related locations and every applicable fix.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl, type RuleMeta } from '../../engine/rule';
import type { Registry } from '../../engine/registry';
import { INTERNAL_ERROR_ID, type Location, type Severity } from '../../engine/types';
import type { SourceFile } from '../../engine/project';
import { version } from '../../../../package.json';
import { displayPath, RegionMapper, type PlacedFinding, type Region } from './common';
import { fingerprints, repositoryRoot } from './fingerprint';
import { ruleHelp, securitySeverity, sentence } from './sarif-rules';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** DG000 is not a registered rule, but results can carry it, so the driver describes it too. */
function internalErrorMeta(registry: Registry): Pick<RuleMeta, 'id' | 'name' | 'description' | 'severity' | 'kinds'> {
  return { id: INTERNAL_ERROR_ID, name: 'internal-error', description: 'A rule failed on this file and was skipped; please report it.', severity: 'error', kinds: registry.kinds.map((kind) => kind.name) };
}

type DescribedRule = Pick<RuleMeta, 'id' | 'name' | 'description' | 'severity' | 'kinds' | 'level' | 'cis' | 'fix'>;

function ruleDescriptor(meta: DescribedRule) {
  const tags = ['security', ...meta.kinds, ...(meta.level ? [`CIS-${meta.level}`] : [])];
  const help = ruleHelp(meta.id, meta.description);
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: sentence(meta.description) },
    fullDescription: { text: help.fullDescription },
    help: { text: help.text, markdown: help.markdown },
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { level: LEVELS[meta.severity] },
    properties: {
      tags,
      'security-severity': securitySeverity(meta.severity, meta.level),
      ...(meta.level ? { cisLevel: meta.level } : {}),
      ...(meta.cis ? { cis: meta.cis } : {}),
      ...(meta.fix ? { fix: meta.fix } : {}),
    },
  };
}

export function formatSarif(placed: PlacedFinding[], sources: readonly SourceFile[], registry: Registry, cwd = process.cwd()): string {
  const rules: DescribedRule[] = [internalErrorMeta(registry), ...registry.rules.map((r) => r.meta)];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const mapper = new RegionMapper(sources);
  const root = repositoryRoot(cwd);
  const artifact = (file: string) => artifactLocation(file, root);
  const physical = (location: Location) => ({ artifactLocation: artifact(location.file), region: sarifRegion(mapper.region(location.file, location.span)) });
  const prints = fingerprints(placed, sources, cwd);

  const results = placed.map((p, index) => {
    const { finding } = p;
    // Every fix the rule offers (the editor offers them all), not only the one --fix-unsafe picks.
    const fixes = finding.fixes.filter((fix) => fix.safety !== 'display-only');
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
      level: LEVELS[finding.severity],
      message: { text: sentence(finding.message) },
      locations: [{ physicalLocation: physical({ file: finding.file, span: finding.span }) }],
      ...(p.suppression ? { suppressions: [{ kind: p.suppression.kind, ...(p.suppression.reason ? { justification: p.suppression.reason } : {}) }] } : {}),
      partialFingerprints: { 'dockguardFinding/v1': prints[index] },
      ...(finding.related.length > 0
        ? { relatedLocations: finding.related.map((r, id) => ({ id, message: { text: sentence(r.message) }, physicalLocation: physical(r.location) })) }
        : {}),
      ...(fixes.length > 0
        ? {
            fixes: fixes.map((fix) => ({
              description: { text: sentence(fix.safety === 'safe' ? fix.title : `${fix.title} (unsafe: applied by --fix-unsafe only)`) },
              artifactChanges: [{ file: finding.file, edits: fix.edits }, ...(fix.otherFiles ?? [])].filter((change) => change.edits.length > 0).map((change) => ({
                artifactLocation: artifact(change.file),
                replacements: change.edits.map((edit) => ({
                  deletedRegion: sarifRegion(mapper.region(change.file, { start: edit.offset, end: edit.offset + edit.length })),
                  insertedContent: { text: edit.content },
                })),
              })),
            })),
          }
        : {}),
    };
  });

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'dockguard', version, informationUri: 'https://github.com/dockguard/dockguard', rules: rules.map(ruleDescriptor) } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root.endsWith('/') ? root : root + '/').href, description: { text: 'The repository root (the working directory outside a git repository).' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function sarifRegion(region: Region) {
  return { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn };
}

/** A path under the repository root is relative to %SRCROOT%; anything else is an absolute file URI. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(file, root);
  if (shown.startsWith('../') || isAbsolute(shown)) return { uri: pathToFileURL(file).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
