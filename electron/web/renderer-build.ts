import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the renderer build is made from: if any of these is newer than dist/index.html, rebuild. */
const RENDERER_SOURCES = [
  'renderer',
  'model',
  'electron/api',
  'electron/csp.ts',
  'vite.config.ts',
  'package.json',
];

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/** True when `dist/` is missing or older than a renderer source (a fresh clone, or code changed since). */
export function rendererBuildIsStale(root: string, distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return RENDERER_SOURCES.some((source) => newestModification(join(root, source)) > built);
}

/** Builds the renderer with Vite's own API (the same as `npm run build:renderer`), into `outDir` if given. */
export async function buildRenderer(root: string, outDir?: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    ...(outDir === undefined ? {} : { build: { outDir, emptyOutDir: true } }),
  });
}
