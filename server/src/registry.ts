/** The registry the front ends run with: every kind, model and rule of dockguard. */
import { createRegistry } from './engine/registry';
import { KINDS } from './kinds';
import { MODELS } from './models';
import { RULES } from './rules';

export const REGISTRY = createRegistry({ kinds: KINDS, models: MODELS, rules: RULES });
