import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Repository root and the folders the e2e helpers use. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const screenshotDir = join(repoRoot, 'e2e', 'screenshots');
export const webDist = join(repoRoot, 'web', 'dist');
export const serverMain = join(repoRoot, 'server', 'src', 'main.ts');
