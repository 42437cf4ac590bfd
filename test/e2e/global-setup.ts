import { resolve } from 'node:path';
import { buildRenderer, rendererBuildIsStale } from '../../electron/web/renderer-build';

/** Builds the renderer once before the hosts start (each host runs with --no-build). */
export default async function globalSetup(): Promise<void> {
  const root = resolve(import.meta.dirname, '..', '..');
  if (rendererBuildIsStale(root, resolve(root, 'dist'))) await buildRenderer(root);
}
