/** The language server with one more rule, DG999, that always throws: for the log of internal errors. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { withRules } from '../../server/src/engine/registry';
import { defineRule, type Rule } from '../../server/src/engine/rule';
import { startServer } from '../../server/src/lsp/start';
import { REGISTRY } from '../../server/src/registry';

const THROWING_RULE = defineRule({
  meta: { id: 'DG999', name: 'always-throws', description: 'Throws.', severity: 'warning', kinds: ['daemon-json'], reads: 'daemon-json', messages: {} },
  check() {
    throw new Error('boom');
  },
}) as Rule;

startServer(createConnection(ProposedFeatures.all), withRules(REGISTRY, [...REGISTRY.rules, THROWING_RULE]));
