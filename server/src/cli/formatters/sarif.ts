/**
 * SARIF 2.1.0 for code-scanning services: one run whose driver lists every rule (with its doc page
 * and CIS ids) and whose results carry 1-based regions, related locations and the safe fixes.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl, type RuleMeta } from '../../engine/rule';
import type { Registry } from '../../engine/registry';
import { INTERNAL_ERROR_ID, type Location, type Severity } from '../../engine/types';
import type { SourceFile } from '../../engine/project';
import { version } from '../../../../package.json';
import { displayPath, RegionMapper, type PlacedFinding, type Region } from './common';

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
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.description },
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { level: LEVELS[meta.severity] },
    properties: { tags, ...(meta.level ? { cisLevel: meta.level } : {}), ...(meta.cis ? { cis: meta.cis } : {}), ...(meta.fix ? { fix: meta.fix } : {}) },
  };
}

export function formatSarif(placed: PlacedFinding[], sources: readonly SourceFile[], registry: Registry, cwd = process.cwd()): string {
  const rules: DescribedRule[] = [internalErrorMeta(registry), ...registry.rules.map((r) => r.meta)];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const mapper = new RegionMapper(sources);
  const artifact = (file: string) => artifactLocation(file, cwd);
  const physical = (location: Location) => ({ artifactLocation: artifact(location.file), region: sarifRegion(mapper.region(location.file, location.span)) });

  const results = placed.map((p) => {
    const { finding } = p;
    const safeFixes = p.fixes.filter((fix) => fix.safety === 'safe');
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: physical({ file: finding.file, span: finding.span }) }],
      ...(finding.related.length > 0
        ? { relatedLocations: finding.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: physical(r.location) })) }
        : {}),
      ...(safeFixes.length > 0
        ? {
            fixes: safeFixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [{ file: finding.file, edits: fix.edits }, ...(fix.otherFiles ?? [])].map((change) => ({
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
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href } },
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

/** A path under the working directory is relative to %SRCROOT%; anything else is an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(file, cwd);
  if (shown.startsWith('../') || isAbsolute(shown)) return { uri: pathToFileURL(file).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
