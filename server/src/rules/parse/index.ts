/** Parse- and schema-level rules (DG0xx), sorted by id. */
import type { Rule } from '../../engine/rule';
import dg001 from './dg001-syntax-error';
import dg002 from './dg002-unknown-option';
import dg003 from './dg003-invalid-value';
import dg004 from './dg004-duplicate-key';
import dg005 from './dg005-removed-option';
import dg006 from './dg006-deprecated-option';
import dg007 from './dg007-comment-in-daemon-json';
import dg008 from './dg008-conflicting-options';
import dg009 from './dg009-unused-suppression';

export const PARSE_RULES: Rule[] = [dg001, dg002, dg003, dg004, dg005, dg006, dg007, dg008, dg009] as Rule[];
