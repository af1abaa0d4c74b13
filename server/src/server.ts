/**
 * The dockguard language server's entry point, started with `--stdio` or `--node-ipc`
 * (vscode-languageserver picks the transport from the arguments).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start';
import { REGISTRY } from './registry';

startServer(createConnection(ProposedFeatures.all), REGISTRY);
