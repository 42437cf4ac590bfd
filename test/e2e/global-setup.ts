import { resolve } from 'node:path';
import { buildRenderer, rendererBuildIsStale } from '../../electron/web/renderer-build';
import { e2eStaticDir } from './web-host';

/**
 * Builds the renderer once before the hosts start (each host runs with --no-build). EMPATHY_E2E_DIST builds and
 * serves it from another folder, so two engineers' test runs in one working tree do not rebuild each other's dist/.
 */
export default async function globalSetup(): Promise<void> {
  const root = resolve(import.meta.dirname, '..', '..');
  const outDir = e2eStaticDir();
  if (outDir !== undefined) await buildRenderer(root, outDir);
  else if (rendererBuildIsStale(root, resolve(root, 'dist'))) await buildRenderer(root);
}
