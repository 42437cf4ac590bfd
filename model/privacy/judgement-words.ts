/**
 * Words the plain-words insights never use about a person or a team (issue 11, point 3). A network records who
 * reported support to whom; it does not measure anyone's empathy, effort or worth, so a finding describes a
 * position or a pattern ("no support tie is recorded"), never a judgement ("low empathy"). Tests run every
 * insight text through judgementWordsIn; a writer of new insight sentences checks them here.
 */
export const JUDGEMENT_WORDS: readonly string[] = [
  'low empathy',
  'lacks empathy',
  'lack of empathy',
  'unempathetic',
  'uncaring',
  'cold',
  'selfish',
  'poor',
  'bad',
  'weak',
  'toxic',
  'lazy',
  'problem',
  'problematic',
  'difficult',
  'failing',
  'failure',
  'underperform',
  'underperformer',
  'underperforming',
  'incompetent',
  'worst',
  'loner',
  'outcast',
  'antisocial',
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = JUDGEMENT_WORDS.map((word) => ({
  word,
  // Whole words only ("cold" must not match "scolded"), any case, with inflections like "problems".
  pattern: new RegExp(`\\b${escape(word).replace(/ /g, '\\s+')}(s|es|ed|ing)?\\b`, 'i'),
}));

/** The judgement words a text contains (empty when it has none). */
export function judgementWordsIn(text: string): string[] {
  return PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ word }) => word);
}
