/**
 * People data handled with care (issue 11): pseudonyms, the minimum group size, and the words insights never
 * use about people. Pure, shared by the network, survey and KPI imports and their views and exports.
 */
export {
  IDENTIFYING_COLUMNS,
  PSEUDONYM_DIGITS,
  PSEUDONYM_PREFIX,
  PseudonymCollision,
  assignPseudonyms,
  isIdentifyingColumn,
  normalizeColumnName,
  pseudonymizeGraph,
  realNameOf,
  type Person,
  type PseudonymEntry,
  type PseudonymizedGraph,
  type TieBetween,
} from './pseudonyms';
export {
  MIN_GROUP_SIZE_DEFAULT,
  MIN_GROUP_SIZE_FLOOR,
  MIN_GROUP_SIZE_MESSAGE,
  checkMinGroupSize,
  hiddenGroupsNote,
  hideSmallGroups,
  type HiddenGroups,
} from './group-size';
export { JUDGEMENT_WORDS, judgementWordsIn } from './judgement-words';
export { pseudonymizeTable, type PseudonymizedTable } from './tables';
