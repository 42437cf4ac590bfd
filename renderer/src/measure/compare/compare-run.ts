/**
 * Running a comparison on the page with the engine the CLI uses (model/measure: compareAb, differenceInDifferences),
 * then holding it to the data set's minimum group size: a comparison shows each group's (or cell's) rate or mean,
 * so a group smaller than that would let a reader work out what a few known people answered (issue 11). Such a
 * comparison is refused as a whole, naming the small groups, rather than shown with gaps: the effect itself is
 * computed from those means, so hiding only the cell would still reveal it.
 */
import {
  compareAb,
  differenceInDifferences,
  type AbResult,
  type DidResult,
  type StandardErrorRow,
} from '../../../../model/measure';
import { formatNumber, formatP, confidenceLabel } from '../../../../model/measure';
import type { DataTable } from '../../../../model/stats';
import type { AbChoices, DidChoices, DidStandardError } from './compare-choices';

export interface SmallGroup {
  /** "script = B", "circle = yes, wave = after". */
  readonly label: string;
  readonly n: number;
}

export type Comparison<T> =
  | { readonly status: 'done'; readonly result: T }
  | { readonly status: 'problem'; readonly message: string }
  | { readonly status: 'refused'; readonly minGroupSize: number; readonly small: readonly SmallGroup[] };

/** The power the A/B result's sample size is computed for (the CLI's default); the calculator asks for others. */
export const DEFAULT_POWER = 0.8;

function refuseSmall<T>(result: T, groups: readonly SmallGroup[], minGroupSize: number): Comparison<T> {
  const small = groups.filter((group) => group.n < minGroupSize);
  return small.length > 0 ? { status: 'refused', minGroupSize, small } : { status: 'done', result };
}

export function runAb(table: DataTable, choices: AbChoices, minGroupSize: number): Comparison<AbResult> {
  const result = compareAb(table, {
    group: choices.group,
    outcome: choices.outcome,
    kind: choices.kind,
    alpha: choices.alpha,
    power: DEFAULT_POWER,
    ...(choices.control === undefined ? {} : { control: choices.control }),
  });
  if (!result.ok) return { status: 'problem', message: inAppWords(result.error) };
  const { control, variant } = result.value;
  return refuseSmall(
    result.value,
    [control, variant].map((group) => ({ label: `${choices.group} = ${group.level}`, n: group.n })),
    minGroupSize,
  );
}

/** The DiD result with the standard error chosen on screen, its reading and assumptions worded for it. */
export interface DidView {
  readonly result: DidResult;
  readonly se: DidStandardError;
  readonly row: StandardErrorRow;
  readonly reading: string;
  readonly assumptions: readonly string[];
}

const SE_NAMES: Readonly<Record<DidStandardError, string>> = {
  classical: 'classical SE',
  hc1: 'HC1 robust SE',
  cluster: 'SE clustered',
};

/**
 * The engine's reading uses the cluster SE when a cluster is given, else the classical one. With HC1 chosen, its
 * interval and p are those of HC1, so the bracket is rewritten with the same words (wording.ts) and the HC1 row.
 */
function hc1Reading(result: DidResult): string {
  const [lower, upper] = result.hc1.confidenceInterval;
  return result.reading.replace(
    /\([^()]*% CI [^()]*\)/,
    `(${confidenceLabel(result.alpha)} CI ${formatNumber(lower)} to ${formatNumber(upper)}; ${formatP(result.hc1.p)}; ${SE_NAMES.hc1})`,
  );
}

export function runDid(table: DataTable, choices: DidChoices, minGroupSize: number): Comparison<DidView> {
  if (choices.se === 'cluster' && choices.cluster === '')
    return { status: 'problem', message: 'choose the column whose rows form a cluster (a person, a team)' };
  const clustered = choices.se === 'cluster';
  const result = differenceInDifferences(table, {
    outcome: choices.outcome,
    group: choices.group,
    period: choices.period,
    alpha: choices.alpha,
    ...(clustered ? { cluster: choices.cluster } : {}),
    ...(choices.control === undefined ? {} : { control: choices.control }),
    ...(choices.before === undefined ? {} : { before: choices.before }),
  });
  if (!result.ok) return { status: 'problem', message: inAppWords(result.error) };
  const did = result.value;
  const row =
    clustered && did.cluster !== null ? did.cluster : choices.se === 'hc1' ? did.hc1 : did.classical;
  const assumptions = did.assumptions.map((assumption) =>
    choices.se === 'hc1' && assumption.startsWith('Rows are independent (classical SE)')
      ? 'Rows are independent (the HC1 SE allows their variances to differ); if the same people or teams appear in both periods, cluster by them.'
      : inAppWords(assumption),
  );
  return refuseSmall(
    {
      result: did,
      se: choices.se,
      row,
      reading: choices.se === 'hc1' ? hc1Reading(did) : did.reading,
      assumptions,
    },
    did.cells.map((cell) => ({
      label: `${choices.group} = ${cell.group}, ${choices.period} = ${cell.period}`,
      n: cell.n,
    })),
    minGroupSize,
  );
}

/** The engine names the CLI's flags (`--group column "x"`); on screen the choices are named by their labels. */
export function inAppWords(text: string): string {
  return text
    .replace(/--group column/g, 'group column')
    .replace(/--outcome column/g, 'outcome column')
    .replace(/--period column/g, 'period column')
    .replace(/--cluster column/g, 'cluster column')
    .replace(/--group and --outcome/g, 'the group and the outcome')
    .replace(/give --cluster/g, 'cluster by them');
}

/** The refusal in words, naming each group that is too small. */
export function refusalText(refused: {
  readonly minGroupSize: number;
  readonly small: readonly SmallGroup[];
}): string {
  const groups = refused.small.map((group) => `${group.label} has ${group.n}`).join('; ');
  return `Not shown: the data set's minimum group size is ${refused.minGroupSize}, and ${groups}. Each group's rate or mean (and the effect computed from them) would single out the few people in it. Choose other columns, or combine levels before importing.`;
}
