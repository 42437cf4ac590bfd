/**
 * The Scales tab's sentences, in one place so a test can run every one through model/privacy's
 * judgementWordsIn (issue 11, point 3): a score describes answers to a questionnaire, never a person's worth.
 */
import type { ScoringKey } from '../../../../model/measure';

export const NO_CONSENT_SENTENCE =
  'Per-person scores are not shown: this data set is not marked as one whose participants agreed to individual views. The tab shows subscale reliability and team figures instead. If they did agree, mark it so in the data set’s people-data settings.';

export const CONSENT_SENTENCE =
  'The participants agreed to individual views: each respondent’s subscale scores are shown and can be exported.';

export const QMEE_REVERSE_WHY =
  'The QMEE’s items that are worded the other way round (and so scored in reverse) could not be checked against a published source, so the workbench does not ship them. Tick the reverse-keyed items of your copy of the questionnaire; until you do, the QMEE is not scored.';

export const IRI_REVERSE_NOTE =
  'Reverse-keyed items as published by Davis (1980), checked against published item lists.';

export const RELIABILITY_EXPLAINED =
  'Cronbach’s alpha says how consistently a subscale’s items were answered together (above 0.7 is usually read as consistent enough to add up). It is computed on the respondents who answered every item of the subscale (n). An item marked ↑ raises alpha when dropped: its answers move apart from the others’, which may come from its wording or its reverse key.';

export const ITEM_TOTAL_EXPLAINED =
  'Item-total r: the item’s correlation with the sum of the subscale’s other items.';

export const PROBLEMS_EXPLAINED =
  'These cells are not answers in the scale’s range; each is counted as a missing answer, and the rest of the survey is scored. Correct them in the file and import it again to use them.';

export const NO_GROUP_COLUMN = 'Choose a team column to see per-team figures.';

/**
 * The missing-answer rule in words: "A subscale is scored when at most 20% of its items are unanswered (1 of
 * its 7 items); ...".
 */
export function missingRuleWords(key: ScoringKey): string {
  const share = key.maxMissingShare;
  const sizes = [...new Set(key.subscales.map((subscale) => subscale.items.length))].sort((a, b) => a - b);
  const allowed = sizes.map((count) => {
    const missing = Math.floor(share * count + 1e-9);
    return `${missing} of ${count} item${count === 1 ? '' : 's'}`;
  });
  const percent = `${Math.round(share * 1000) / 10}%`;
  return `A subscale is scored for a respondent when at most ${percent} of its items are unanswered (${allowed.join(', ')}). Its score is then the mean of the answered items, standing in for the unanswered ones; with more unanswered it is left empty for that respondent and counted apart.`;
}

/** "Scored 198 of 200 respondents on every subscale." */
export function scoredWords(total: number, fullyScored: number): string {
  return fullyScored === total
    ? `All ${total} respondents were scored on every subscale.`
    : `${fullyScored} of ${total} respondents were scored on every subscale; the others have too many unanswered items on at least one.`;
}
