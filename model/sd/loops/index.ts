/**
 * Feedback loops of a system-dynamics model and their dominance over a run (Loops That Matter). Pure, like
 * the engine it stands on. See README.md.
 *
 *   const analysis = analyzeLoops(compiled, { parameters });   // Outcome<LoopAnalysis>
 */
export {
  analyzeLoops,
  DEFAULT_MAX_ENUMERATED,
  POLARITY_NOTE,
  type AnalyzedLoop,
  type LoopAnalysis,
  type LoopAnalysisOptions,
  type LoopLink,
  type LoopMethod,
} from './analysis';
export { documentedLoops, type DocumentedLoop } from './documented';
export { compareLoopNames } from './naming';
export type { LinkPolarity, LoopPolarity } from './polarity';
export { variableGraph, type CausalLink, type LinkKind, type VariableGraph } from './variable-graph';
