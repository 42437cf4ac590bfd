// Types of scripts/build-electron.mjs for its tests and for scripts/electronegativity.mjs's (plain Node runs the .mjs).
import type { BuildOptions, Metafile } from 'esbuild';

export const MAIN_TARGET: string;
export const PRELOAD_TARGET: string;
export function electronBundles(root: string): { main: BuildOptions; preload: BuildOptions };
export function packagesIn(metafile: Metafile): string[];
