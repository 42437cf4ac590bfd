/** The duplicate-edge rules of model/network/import.ts, each said in one sentence for the import dialog. */
import type { DuplicateRule } from '../../../../electron/api/contract';

export const MERGE_RULE_CHOICES: readonly {
  readonly rule: DuplicateRule;
  readonly label: string;
  readonly sentence: string;
}[] = [
  {
    rule: 'error',
    label: 'Refuse',
    sentence: 'Two rows for the same tie are a mistake: nothing is imported and both rows are named.',
  },
  {
    rule: 'sum',
    label: 'Add up',
    sentence: 'The tie’s strength is the sum of its rows (several kinds of support add up).',
  },
  {
    rule: 'max',
    label: 'Strongest',
    sentence: 'The tie keeps the largest strength any of its rows gives.',
  },
  {
    rule: 'mean',
    label: 'Average',
    sentence: 'The tie’s strength is the mean of its rows (two raters of the same tie).',
  },
  {
    rule: 'first',
    label: 'First row',
    sentence: 'The first row of the tie counts; later rows for it are dropped.',
  },
];
