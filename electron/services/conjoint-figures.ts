/**
 * The figures a conjoint document offers to the Dynamics model (see figures.ts). None until the conjoint instrument
 * stores its documents.
 */
import type { FigureProvider } from './figures';

export const conjointFigures: FigureProvider = () => [];
