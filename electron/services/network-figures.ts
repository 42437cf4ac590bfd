/**
 * The figures a network document offers to the Dynamics model (see figures.ts). None until the network instrument
 * stores its documents.
 */
import type { FigureProvider } from './figures';

export const networkFigures: FigureProvider = () => [];
