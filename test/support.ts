/** Helpers the tests share: a fix's resulting sources, as the engine's checks see them. */
import { textsWithFix } from '../server/src/engine/fixes';
import type { Project, SourceFile } from '../server/src/engine/project';
import { kindOfPath } from '../server/src/engine/kind';
import type { Fix } from '../server/src/engine/types';

/** Every source of the project after `fix` (the finding's file and any file it changes or creates). */
export function sourcesWithFix(project: Project, file: string, fix: Fix): SourceFile[] {
  const texts = textsWithFix(project, new Map(), file, fix);
  const sources = project.paths().map((path) => project.source(path)!).map((s) => (texts.has(s.path) ? { ...s, text: texts.get(s.path)! } : s));
  for (const [path, text] of texts) {
    if (project.has(path)) continue;
    const kind = kindOfPath(project.registry.kinds, path);
    if (kind) sources.push({ path, kind: kind.name, text });
  }
  return sources;
}
