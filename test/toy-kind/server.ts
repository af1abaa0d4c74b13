/** The language server with the toy kind registered, for the LSP half of test/toy-kind. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/start';
import { TOY_REGISTRY } from './registry';

startServer(createConnection(ProposedFeatures.all), TOY_REGISTRY);
