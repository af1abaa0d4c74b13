/**
 * What the DG3xx rules read: one Compose project (model/compose/project.ts assembles it) and its
 * services as Compose runs them. A service that only makes sense merged onto a base (no image and
 * no build, an `extends` that cannot be resolved, any service of an override file with no base) is
 * marked partial, so rules about a missing setting stay silent on it.
 */
import type { Span } from '../../engine/types';
import type { ComposeFile } from '../../formats/compose/parse';
import type { TreeMap } from '../../formats/compose/yaml-tree';
import { buildProjects } from './project';
import type { DaemonHost } from '../host';

export interface ComposeModel {
  /** The project's first file (its project directory's file). */
  file: ComposeFile;
  /** Every file the project reads, the first one first: its overrides, `extends` and `include` targets. */
  files: ComposeFile[];
  services: Service[];
  /** `extends`/`include` references Compose cannot follow (missing, cyclic) or dockguard does not (remote). */
  problems: ProjectProblem[];
  /** A resource an `include` brings that the including file (or another include) defines too. */
  clashes: { resource: string; name: string; at: { file: string; span: Span }; other: { file: string; span: Span } }[];
  /** The daemon the project runs on (`daemon-link.ts`); undefined when no daemon configuration belongs to it. */
  daemon?: DaemonHost;
}

export interface ProjectProblem {
  kind: 'remote' | 'missing' | 'cycle';
  file: string;
  span: Span;
  /** What is wrong, as a message says it (for `remote`: the reference, `include "git@…"`). */
  message: string;
}

export interface Service {
  name: string;
  /** The service's key in the first file that defines it: where a finding about a missing setting is reported. */
  keySpan: Span;
  file: string;
  /** The effective settings. */
  settings: TreeMap;
  /** The service's mapping in that file (its last document that defines it): where a fix adds a key. */
  own: TreeMap;
  partial: boolean;
  /** Its definitions in the project's files, in merge order (an `extends` base is not one: its text is shared). */
  parts: { file: string; keySpan: Span; span: Span }[];
}

/** The services of one parsed file as a project of its own. */
export function buildServices(file: ComposeFile): Service[] {
  return buildProjects([file], [])[0]?.services ?? [];
}
