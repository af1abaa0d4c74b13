/**
 * The Compose benchmark's peers (issue 13, "Speed"): Red Hat's yaml-language-server with the same
 * vendored compose-spec schema mapped (schema store off) and Microsoft's compose-language-service,
 * installed for the benchmark only (peer-packages.ts). Each is timed as shipped over LSP (its own debounce decides:
 * ~200 ms for yaml-language-server, 1 s for compose-language-service), and without its timer:
 * yaml-language-server's `doValidation` called in-process, compose-language-service over LSP with
 * its `diagnosticDelay` initialization option at 0 (it checks YAML syntax only). A peer whose package
 * is missing is skipped with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, PUSH_CAPABILITIES, startClient, type StartOptions, type TestClient } from '../test/lsp/harness';
import { peerPackage, type PeerPackage } from './peer-packages';
import { peakRssMb, percentile } from './stats';

const ROOT = join(__dirname, '..');
const SCHEMA = join(ROOT, 'schemas', 'compose-spec', 'compose-spec.json');

/** Files a peer must find fault with, and how its diagnostic reads: a peer that finds none is not validating. */
const SCHEMA_CHECK = { text: 'services:\n  web:\n    image: nginx\n    restrat: always\n', says: /restrat/ };
const SYNTAX_CHECK = { text: 'services:\n  web:\n    image: nginx\n    ports: [\n', says: /./ };

/** One edit: where the flipped value is, in the text before the edit, as LSP positions. */
export interface FlipEdit {
  line: number;
  character: number;
  /** The text with the value flipped (what the edit makes of it), and the value each edit writes in turn. */
  flipped: string;
}

export interface PeerFigures {
  /** Median edit → diagnostics, ms, or the reason the peer was skipped. */
  medianMs: number | string;
  rounds: number;
  peakRssMb?: number;
}

export const skipped = (reason: string): PeerFigures => ({ medianMs: reason, rounds: 0 });

const YAML_SETTINGS = { validate: true, schemaStore: { enable: false }, schemas: { [fileUri(SCHEMA)]: ['compose.yaml'] } };

const PEERS = {
  'yaml-language-server': {
    package: 'yaml-language-server' as PeerPackage,
    start: (dir: string): StartOptions => ({
      command: [process.execPath, join(dir, 'bin', 'yaml-language-server'), '--stdio'],
      // Its `initialized` handler fails (and it never asks for its settings) without workspace folders.
      capabilities: { ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, workspaceFolders: true } },
      configuration: (section) => (section === 'yaml' ? YAML_SETTINGS : null),
    }),
    languageId: 'yaml',
    check: SCHEMA_CHECK,
  },
  'compose-language-service': {
    package: '@microsoft/compose-language-service' as PeerPackage,
    start: (dir: string, diagnosticDelay?: number): StartOptions => ({
      command: [process.execPath, join(dir, 'bin', 'docker-compose-langserver'), '--stdio'],
      capabilities: PUSH_CAPABILITIES,
      initializationOptions: diagnosticDelay === undefined ? undefined : { diagnosticDelay },
      configuration: () => null,
    }),
    languageId: 'dockercompose',
    check: SYNTAX_CHECK,
  },
} as const;

export type PeerName = keyof typeof PEERS;

/**
 * A peer that takes seconds per edit (yaml-language-server on the large file) stops after this long
 * once it has MIN_ROUNDS samples, and skips the rest of its warm-up after a round slower than SLOW_MS
 * (the JIT is noise beside it); the table gives the rounds each median took.
 */
const BUDGET_MS = 30_000;
const MIN_ROUNDS = 5;
const SLOW_MS = 1_000;

/** Runs `round` for the warm-up then the timed rounds, within the budget; the timed durations. */
async function timedRounds(rounds: number, warmup: number, round: (i: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  const started = performance.now();
  let warming = warmup;
  for (let i = 0; warming > 0 || samples.length < rounds; i++) {
    const ms = await round(i);
    if (warming > 0) warming = ms > SLOW_MS ? 0 : warming - 1;
    else samples.push(ms);
    if (samples.length >= MIN_ROUNDS && performance.now() - started > BUDGET_MS) break;
  }
  return samples;
}

/** The next publication for `uri` after the `seen`-th one. */
async function nextPublished(client: TestClient, uri: string, seen: number, timeoutMs = 20_000): Promise<Diagnostic[]> {
  return client.waitUntil(() => {
    const mine = client.published.filter((p) => p.uri === uri);
    return mine.length > seen ? mine[mine.length - 1].diagnostics : undefined;
  }, `a publication for ${uri}`, timeoutMs);
}

const publishedCount = (client: TestClient, uri: string) => client.published.filter((p) => p.uri === uri).length;

/**
 * A peer over LSP (push): open the file, wait for its first diagnostics, then `rounds` edits, each
 * timed to the publication it causes. First a file it must find fault with, so that the timings are
 * of a server that validates.
 */
export async function peerOverLsp(name: PeerName, dir: string, text: string, edit: FlipEdit, rounds: number, warmup: number, diagnosticDelay?: number): Promise<PeerFigures> {
  const peer = PEERS[name];
  const installed = peerPackage(peer.package);
  if ('missing' in installed) return skipped(`skipped: ${installed.missing}`);
  const client = await startClient(name === 'compose-language-service' ? PEERS[name].start(installed.dir, diagnosticDelay) : PEERS[name].start(installed.dir));
  try {
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: YAML_SETTINGS } });
    const checkUri = fileUri(join(dir, 'check', 'compose.yaml'));
    client.open(checkUri, peer.check.text, peer.languageId);
    // Its first publication may come before its settings do: wait for the one that finds the fault.
    await client.waitForPublished(checkUri, (found) => found.some((d) => peer.check.says.test(String(d.message))), 20_000).catch(() => {
      throw new Error(`${name} does not validate (it said ${JSON.stringify(client.published.map((p) => p.diagnostics.map((d) => d.message)))}; ${client.log.join(' ').slice(0, 500)})`);
    });
    const uri = fileUri(join(dir, 'compose.yaml'));
    client.open(uri, text, peer.languageId);
    await nextPublished(client, uri, 0);
    let current = text;
    const samples = await timedRounds(rounds, warmup, async () => {
      const [from, to] = current === text ? ['true', 'false'] : ['false', 'true'];
      const seen = publishedCount(client, uri);
      const t = performance.now();
      client.changeRange(uri, { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + from.length } }, to);
      await nextPublished(client, uri, seen);
      current = current === text ? edit.flipped : text;
      return performance.now() - t;
    });
    return { medianMs: percentile(samples, 50), rounds: samples.length, peakRssMb: peakRssMb(client.process.pid!) };
  } finally {
    await client.stop();
  }
}

/** The part of yaml-language-server's language-service API the benchmark calls (its package is not a dependency, so not its types). */
type GetYamlLanguageService = (params: {
  schemaRequestService: (uri: string) => Promise<string>;
  workspaceContext: { resolveRelativePath: (relative: string, resource: string) => string };
}) => {
  configure(settings: { validate: boolean; schemas: { uri: string; fileMatch: string[] }[] }): void;
  doValidation(document: TextDocument, isKubernetes: boolean): Promise<Diagnostic[]>;
};

/** yaml-language-server's schema validation called in-process (`doValidation`, no debounce), on each edit's new text. */
export async function yamlLanguageServiceInProcess(dir: string, text: string, edit: FlipEdit, rounds: number, warmup: number): Promise<PeerFigures> {
  const installed = peerPackage('yaml-language-server');
  if ('missing' in installed) return skipped(`skipped: ${installed.missing}`);
  // An ES module: imported, not required; its entry is its package.json's `main`.
  const main = (JSON.parse(readFileSync(join(installed.dir, 'package.json'), 'utf8')) as { main: string }).main;
  const { getLanguageService } = (await import(pathToFileURL(join(installed.dir, main)).href)) as { getLanguageService: GetYamlLanguageService };
  const service = getLanguageService({
    schemaRequestService: async (uri: string) => readFileSync(new URL(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
  });
  service.configure({ validate: true, schemas: [{ uri: pathToFileURL(SCHEMA).href, fileMatch: ['compose.yaml'] }] });
  const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
  const check = await service.doValidation(TextDocument.create(uri, 'yaml', 0, SCHEMA_CHECK.text), false);
  if (!check.some((d) => SCHEMA_CHECK.says.test(String(d.message)))) throw new Error(`yaml-language-server's doValidation does not validate (it said ${JSON.stringify(check.map((d) => d.message))})`);
  const samples = await timedRounds(rounds, warmup, async (i) => {
    const document = TextDocument.create(uri, 'yaml', i + 1, i % 2 === 0 ? edit.flipped : text);
    const t = performance.now();
    await service.doValidation(document, false);
    return performance.now() - t;
  });
  return { medianMs: percentile(samples, 50), rounds: samples.length };
}
