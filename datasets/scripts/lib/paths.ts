import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** datasets/scripts/lib → repository root (three levels up). */
const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const datasetsDir = path.join(repoRoot, 'datasets');
/** The only input location: the shared reference folder beside the repository. */
export const referenceDir = path.resolve(repoRoot, '../shared/reference');
