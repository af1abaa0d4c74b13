/** Parse- and schema-level rules (DG0xx), sorted by id. */
import type { Rule } from '../../engine/rule';
import dg001 from './dg001-syntax-error';
import dg007 from './dg007-comment-in-daemon-json';

export const PARSE_RULES: Rule[] = [dg001, dg007] as Rule[];
