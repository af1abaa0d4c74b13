/**
 * Where the shared corpus of real files is: $DOCKGUARD_CORPUS, else `../shared/corpus` beside the
 * repository (the layout of a developer's checkout), else this workplace's `/work/shared/corpus` (CI
 * clones the repository elsewhere). Undefined when none exists: the corpus tests then say they skipped.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..');

export const CORPUS: string | undefined = [process.env.DOCKGUARD_CORPUS, join(REPO, '..', 'shared', 'corpus'), '/work/shared/corpus']
  .find((dir): dir is string => !!dir && existsSync(dir));
