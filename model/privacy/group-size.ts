/**
 * The minimum group size (issue 11, point 2): a figure about a group (a team's network metrics, a survey
 * subscale mean, a KPI breakdown) is shown only for groups of at least this many people, so no one can be
 * singled out by subtraction or by being the only member. The floor of 3 is the smallest group for which a mean
 * does not reveal what each member said to the other members; 5 is the default, as statistical offices and
 * people-analytics tools commonly use (UK ONS and HR survey vendors suppress cells under 5).
 *
 * One rule for every instrument: hideSmallGroups takes any list of groups and how to count each one's people.
 */

export const MIN_GROUP_SIZE_DEFAULT = 5;
export const MIN_GROUP_SIZE_FLOOR = 3;

/** The threshold if it is an allowed one (a whole number of at least 3), else an Error saying what is wrong. */
export function checkMinGroupSize(threshold: number): number {
  if (!Number.isInteger(threshold))
    throw new RangeError(`The minimum group size must be a whole number of people (got ${threshold}).`);
  if (threshold < MIN_GROUP_SIZE_FLOOR)
    throw new RangeError(
      `The minimum group size cannot be below ${MIN_GROUP_SIZE_FLOOR} (got ${threshold}): smaller groups would let a reader single out a person.`,
    );
  return threshold;
}

/** The message a zod refinement or a form shows for a threshold below the floor. */
export const MIN_GROUP_SIZE_MESSAGE = `The minimum group size is a whole number of at least ${MIN_GROUP_SIZE_FLOOR} people: smaller groups would let a reader single out a person.`;

export interface HiddenGroups<G> {
  /** The groups of at least `threshold` people, in their order. */
  readonly kept: G[];
  /** How many groups were hidden. */
  readonly hidden: number;
  /** A sentence for the view and every export, or null when nothing was hidden. */
  readonly note: string | null;
}

/**
 * "1 team with fewer than 5 people is hidden, so no one in it can be singled out." `noun` is the singular of
 * what a group is (team, group, department); a plural "s" is added.
 */
export function hiddenGroupsNote(hidden: number, threshold: number, noun = 'team'): string | null {
  if (hidden <= 0) return null;
  const groups = hidden === 1 ? `1 ${noun}` : `${hidden} ${noun}s`;
  const verb = hidden === 1 ? 'is' : 'are';
  const them = hidden === 1 ? 'it' : 'them';
  return `${groups} with fewer than ${threshold} people ${verb} hidden, so no one in ${them} can be singled out.`;
}

/**
 * The groups with at least `threshold` people. The threshold is used as given (model tests use small ones);
 * where a user sets it, checkMinGroupSize keeps it at 3 or more.
 */
export function hideSmallGroups<G>(
  groups: Iterable<G>,
  sizeOf: (group: G) => number,
  threshold: number,
  noun = 'team',
): HiddenGroups<G> {
  const kept: G[] = [];
  let hidden = 0;
  for (const group of groups) {
    if (sizeOf(group) < threshold) hidden++;
    else kept.push(group);
  }
  return { kept, hidden, note: hiddenGroupsNote(hidden, threshold, noun) };
}
