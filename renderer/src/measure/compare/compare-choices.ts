/**
 * What the Compare tab asks: the columns a comparison can use (two-level columns for a variant or a period,
 * numeric or yes/no outcomes), the choices of an A/B test and of a difference in differences with sensible
 * defaults, and how they are kept (ComparisonSettings, in an experiment's settings or beside a survey's scoring)
 * so the tab reopens as it was left, saying which saved choices no longer fit.
 */
import type { ComparisonSettings } from '../../../../electron/api/contract';
import { readBinaryCell, twoLevels, type AbKind } from '../../../../model/measure';
import { isMissing, parseNumberCell, sortLevels, type DataTable } from '../../../../model/stats';

export interface ColumnProfile {
  readonly name: string;
  /** Distinct values (trimmed), in R's factor order; the first LEVELS_KEPT when there are more. */
  readonly levels: readonly string[];
  /** How many distinct values the column has. */
  readonly distinct: number;
  /** Every present cell is 0/1, yes/no or true/false (an outcome read as a proportion). */
  readonly binary: boolean;
  /** Every present cell is a number. */
  readonly numeric: boolean;
  readonly missing: number;
}

/** Levels listed per column (a reference level is chosen among them); more are only counted. */
const LEVELS_KEPT = 50;

export function profileColumns(table: DataTable): ColumnProfile[] {
  return table.columns.map((name, index) => {
    const seen = new Set<string>();
    let binary = true;
    let numeric = true;
    let missing = 0;
    for (const row of table.rows) {
      const cell = row[index] ?? '';
      if (isMissing(cell)) {
        missing++;
        continue;
      }
      const value = cell.trim();
      seen.add(value);
      if (binary && !readBinaryCell(value, 0, name).ok) binary = false;
      if (numeric && parseNumberCell(value) === undefined) numeric = false;
    }
    const present = table.rows.length - missing;
    return {
      name,
      levels: seen.size <= LEVELS_KEPT ? sortLevels(seen) : sortLevels([...seen].slice(0, LEVELS_KEPT)),
      distinct: seen.size,
      binary: binary && present > 0,
      numeric: numeric && present > 0,
      missing,
    };
  });
}

/** Columns with exactly two values: a variant, treated/control, before/after. */
export const twoLevelColumns = (profiles: readonly ColumnProfile[]): ColumnProfile[] =>
  profiles.filter((profile) => profile.distinct === 2);

/** Columns an outcome can be read from: numbers, or yes/no (which are read as 0/1). */
export const outcomeColumns = (profiles: readonly ColumnProfile[]): ColumnProfile[] =>
  profiles.filter((profile) => profile.numeric || profile.binary);

/** The reference level the engine would choose (A, no, before, control...), for the select's initial value. */
export function defaultReference(profile: ColumnProfile | undefined): string | undefined {
  if (profile === undefined) return undefined;
  const levels = twoLevels(profile.levels, profile.name);
  return levels.ok ? levels.value.reference : undefined;
}

export const CONFIDENCE_LEVELS = [
  { alpha: 0.1, label: '90%' },
  { alpha: 0.05, label: '95%' },
  { alpha: 0.01, label: '99%' },
] as const;

export interface AbChoices {
  readonly group: string;
  /** The reference variant (A); the other is compared with it. */
  readonly control: string | undefined;
  readonly outcome: string;
  readonly kind: AbKind;
  readonly alpha: number;
}

export type DidStandardError = 'classical' | 'hc1' | 'cluster';

export interface DidChoices {
  readonly group: string;
  readonly control: string | undefined;
  readonly period: string;
  readonly before: string | undefined;
  readonly outcome: string;
  /** Rows sharing a value (a person, a team) form one cluster; '' for none. */
  readonly cluster: string;
  readonly se: DidStandardError;
  readonly alpha: number;
}

const byName = (profiles: readonly ColumnProfile[], name: string | undefined) =>
  name === undefined ? undefined : profiles.find((profile) => profile.name === name);

/** A saved level where the column still has it, else the column's default reference. */
const levelOf = (profile: ColumnProfile, saved: string | undefined): string | undefined =>
  saved !== undefined && profile.levels.includes(saved) ? saved : defaultReference(profile);

/** A saved confidence where it is one the tab offers, else 95%. */
const alphaOf = (saved: number | undefined): number =>
  CONFIDENCE_LEVELS.some((level) => level.alpha === saved) ? (saved as number) : 0.05;

/** An outcome's kind: a proportion when every value is yes/no or 0/1, else a mean. */
export const kindOf = (profile: ColumnProfile | undefined): AbKind =>
  profile?.binary === true ? 'proportion' : 'mean';

/**
 * A/B choices: the saved ones where the table still has them, else the first two-level column as the variant and
 * the first outcome after it (a survey's score columns first).
 */
export function defaultAbChoices(
  profiles: readonly ColumnProfile[],
  preferredOutcomes: readonly string[],
  saved: ComparisonSettings | null,
): AbChoices | null {
  const groups = twoLevelColumns(profiles);
  const savedGroup = byName(groups, saved?.group);
  const group = savedGroup ?? groups[0];
  if (group === undefined) return null;
  const outcomes = outcomeColumns(profiles).filter((profile) => profile.name !== group.name);
  const outcome =
    byName(outcomes, saved?.outcome) ??
    byName(
      outcomes,
      preferredOutcomes.find((name) => byName(outcomes, name) !== undefined),
    ) ??
    outcomes.find((profile) => profiles.indexOf(profile) > profiles.indexOf(group)) ??
    outcomes[0];
  if (outcome === undefined) return null;
  const sameColumns = saved?.group === group.name && saved.outcome === outcome.name;
  return {
    group: group.name,
    control: levelOf(group, sameColumns ? saved.control : undefined),
    outcome: outcome.name,
    // A mean can always be asked for; a proportion only of a yes/no outcome.
    kind:
      sameColumns && (saved.outcomeKind === 'mean' || (saved.outcomeKind === 'proportion' && outcome.binary))
        ? saved.outcomeKind
        : kindOf(outcome),
    alpha: alphaOf(saved?.alpha),
  };
}

/** Period-like names, looked for first when choosing the before/after column. */
const PERIOD_NAMES = /^(wave|period|time|phase|year|post|after|before|round)$/i;
/** Person-like names, the default cluster when rows repeat them. */
const CLUSTER_NAMES = /^(id|person|respondent|employee|participant|team|unit)$/i;

/**
 * DiD choices: the saved ones where possible, else a period-like two-level column (wave, period...), another
 * two-level column as the group, the first outcome (a survey's scores first) and, when an id-like column repeats
 * across rows, that column as the cluster with CR1 errors.
 */
export function defaultDidChoices(
  profiles: readonly ColumnProfile[],
  preferredOutcomes: readonly string[],
  saved: ComparisonSettings | null,
  rowCount: number,
): DidChoices | null {
  const twoLevel = twoLevelColumns(profiles);
  const period =
    byName(twoLevel, saved?.period) ??
    twoLevel.find((profile) => PERIOD_NAMES.test(profile.name)) ??
    twoLevel[1];
  if (period === undefined) return null;
  const group =
    byName(
      twoLevel.filter((profile) => profile.name !== period.name),
      saved?.group,
    ) ?? twoLevel.find((profile) => profile.name !== period.name);
  if (group === undefined) return null;
  const outcomes = outcomeColumns(profiles).filter(
    (profile) => profile.name !== period.name && profile.name !== group.name,
  );
  const outcome =
    byName(outcomes, saved?.outcome) ??
    byName(
      outcomes,
      preferredOutcomes.find((name) => byName(outcomes, name) !== undefined),
    ) ??
    outcomes.find((profile) => profile.numeric && !profile.binary && profile.name !== 'row') ??
    outcomes[0];
  if (outcome === undefined) return null;
  const used = new Set([period.name, group.name, outcome.name]);
  // A cluster repeats: some of its values are on more than one row (a person in both waves).
  const repeats = (profile: ColumnProfile) =>
    profile.distinct > 1 && profile.distinct < rowCount - profile.missing;
  const likelyCluster = () =>
    profiles.find(
      (profile) => !used.has(profile.name) && CLUSTER_NAMES.test(profile.name) && repeats(profile),
    );
  // A saved comparison without a cluster had none chosen; one whose cluster is gone gets the default.
  const cluster =
    saved?.outcome !== undefined && saved.cluster === undefined
      ? undefined
      : (byName(profiles, saved?.cluster) ?? likelyCluster());
  const se: DidStandardError =
    saved?.standardError === 'cluster'
      ? cluster === undefined
        ? 'classical'
        : 'cluster'
      : (saved?.standardError ?? (cluster === undefined ? 'classical' : 'cluster'));
  return {
    group: group.name,
    control: levelOf(group, saved?.group === group.name ? saved.control : undefined),
    period: period.name,
    before: levelOf(period, saved?.period === period.name ? saved.before : undefined),
    outcome: outcome.name,
    cluster: cluster?.name ?? '',
    se,
    alpha: alphaOf(saved?.alpha),
  };
}

/** The settings kept for the comparison on screen: columns, levels, kind, errors, confidence. */
export function settingsOf(
  comparison: 'ab' | 'did',
  ab: AbChoices | null,
  did: DidChoices | null,
): ComparisonSettings {
  if (comparison === 'ab' && ab !== null)
    return {
      comparison,
      group: ab.group,
      outcome: ab.outcome,
      ...(ab.control === undefined ? {} : { control: ab.control }),
      outcomeKind: ab.kind,
      alpha: ab.alpha,
    };
  if (comparison === 'did' && did !== null)
    return {
      comparison,
      group: did.group,
      period: did.period,
      outcome: did.outcome,
      ...(did.cluster === '' ? {} : { cluster: did.cluster }),
      ...(did.control === undefined ? {} : { control: did.control }),
      ...(did.before === undefined ? {} : { before: did.before }),
      standardError: did.se,
      alpha: did.alpha,
    };
  return { comparison };
}

/** Whether two settings say the same (so an unchanged choice is not saved again). */
export const sameSettings = (a: ComparisonSettings | null, b: ComparisonSettings): boolean =>
  a !== null &&
  a.comparison === b.comparison &&
  a.group === b.group &&
  a.outcome === b.outcome &&
  a.period === b.period &&
  a.cluster === b.cluster &&
  a.control === b.control &&
  a.before === b.before &&
  a.outcomeKind === b.outcomeKind &&
  a.standardError === b.standardError &&
  a.alpha === b.alpha;

/** How the note names each saved choice, and the choice it belongs to (a level means nothing without its column). */
const SAVED_CHOICES: readonly {
  readonly field: Exclude<keyof ComparisonSettings, 'comparison'>;
  readonly name: (value: string | number) => string;
  readonly belongsTo?: keyof ComparisonSettings;
}[] = [
  { field: 'group', name: (value) => `group column “${value}”` },
  { field: 'control', name: (value) => `reference value “${value}”`, belongsTo: 'group' },
  { field: 'period', name: (value) => `before/after column “${value}”` },
  { field: 'before', name: (value) => `before value “${value}”`, belongsTo: 'period' },
  { field: 'outcome', name: (value) => `outcome “${value}”` },
  { field: 'outcomeKind', name: (value) => `outcome read as a ${value}`, belongsTo: 'outcome' },
  { field: 'cluster', name: (value) => `cluster “${value}”` },
  { field: 'standardError', name: (value) => `${value === 'hc1' ? 'HC1' : value} standard errors` },
  { field: 'alpha', name: (value) => `confidence ${Math.round((1 - Number(value)) * 1000) / 10}%` },
];

/**
 * The saved choices of the comparison on screen that it could not take again (a subscale gone from the scoring,
 * a level no longer in its column), named for the note that says so; empty when it reopened whole. A level is
 * not named again when its column already is.
 */
export function unkeptChoices(saved: ComparisonSettings | null, shown: ComparisonSettings): string[] {
  if (saved === null || saved.comparison !== shown.comparison) return [];
  const unkept = (field: keyof ComparisonSettings) =>
    saved[field] !== undefined && saved[field] !== shown[field];
  return SAVED_CHOICES.filter(
    ({ field, belongsTo }) => unkept(field) && (belongsTo === undefined || !unkept(belongsTo)),
  ).map(({ field, name }) => name(saved[field] as string | number));
}
