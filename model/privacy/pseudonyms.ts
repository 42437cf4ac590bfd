/**
 * Pseudonyms for the people of a network, a survey or a KPI table (issue 11, point 1): every id replaced by a
 * pseudonym the caller derives (the backend uses an HMAC of the id under a per-network secret, so the same
 * person gets the same pseudonym in every wave), and every attribute that names or reaches a person dropped.
 * Team, role, tenure and the other attributes stay: the analysis needs them, and the group-size rule
 * (group-size.ts) keeps small groups from singling anyone out.
 *
 * Pure: the caller brings the pseudonym function, so no secret or hashing lives in model/.
 */

/**
 * Column names that identify a person, compared after normalizeColumnName (so "First Name", "first_name" and
 * "FIRSTNAME" are one name). Documented in the import's help; extend here, never in a caller.
 */
export const IDENTIFYING_COLUMNS: readonly string[] = [
  'name',
  'fullname',
  'firstname',
  'lastname',
  'givenname',
  'familyname',
  'surname',
  'forename',
  'displayname',
  'email',
  'emailaddress',
  'mail',
  'phone',
  'phonenumber',
  'telephone',
  'mobile',
  'mobilephone',
  'employeenumber',
  'employeeno',
  'employeeid',
  'staffnumber',
  'staffid',
  'personnelnumber',
];

const IDENTIFYING = new Set(IDENTIFYING_COLUMNS);

/** Lower case, without spaces, underscores, hyphens or dots: "E-mail" and "e_mail" are "email". */
export const normalizeColumnName = (column: string): string => column.toLowerCase().replace(/[\s_.-]+/g, '');

export const isIdentifyingColumn = (column: string): boolean => IDENTIFYING.has(normalizeColumnName(column));

/** One person's pseudonym, and the real id and name it replaced (the key that maps back). */
export interface PseudonymEntry {
  readonly realId: string;
  /** The person's name as the data gave it (name, full name, or first and last name), if any. */
  readonly realName?: string | undefined;
  readonly pseudonym: string;
}

export interface Person {
  readonly id: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface TieBetween {
  readonly source: string;
  readonly target: string;
}

export interface PseudonymizedGraph<P extends Person, T extends TieBetween> {
  readonly people: P[];
  readonly ties: T[];
  /** Real id (and name) to pseudonym, one entry per person, in the people's order. */
  readonly mapping: PseudonymEntry[];
  /** The attribute columns dropped, as the data spelled them, sorted. */
  readonly droppedAttributes: string[];
}

/** The person's name from their attributes: a name or full name column, else first and last name joined. */
export function realNameOf(attributes: Readonly<Record<string, string>>): string | undefined {
  const byColumn = new Map<string, string>();
  for (const [column, value] of Object.entries(attributes))
    if (value.trim() !== '') byColumn.set(normalizeColumnName(column), value.trim());
  const whole = byColumn.get('name') ?? byColumn.get('fullname') ?? byColumn.get('displayname');
  if (whole !== undefined) return whole;
  const parts = [
    byColumn.get('firstname') ?? byColumn.get('givenname') ?? byColumn.get('forename'),
    byColumn.get('lastname') ?? byColumn.get('surname') ?? byColumn.get('familyname'),
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(' ');
}

export class PseudonymCollision extends Error {
  constructor(
    readonly pseudonym: string,
    readonly realIds: readonly [string, string],
  ) {
    super(`Two people would share the pseudonym "${pseudonym}".`);
    this.name = 'PseudonymCollision';
  }
}

/**
 * The people and ties with every id replaced by `pseudonymOf(id)` and the identifying attributes dropped.
 * Throws PseudonymCollision if two different ids get one pseudonym (the caller's function must prevent it:
 * see assignPseudonyms), since merging two people would silently change the network.
 */
export function pseudonymizeGraph<P extends Person, T extends TieBetween>(
  people: readonly P[],
  ties: readonly T[],
  pseudonymOf: (realId: string) => string,
): PseudonymizedGraph<P, T> {
  const byReal = new Map<string, string>();
  const owner = new Map<string, string>();
  const dropped = new Set<string>();
  const mapping: PseudonymEntry[] = [];
  const rename = (realId: string): string => {
    const known = byReal.get(realId);
    if (known !== undefined) return known;
    const pseudonym = pseudonymOf(realId);
    const other = owner.get(pseudonym);
    if (other !== undefined && other !== realId) throw new PseudonymCollision(pseudonym, [other, realId]);
    owner.set(pseudonym, realId);
    byReal.set(realId, pseudonym);
    return pseudonym;
  };
  const renamedPeople = people.map((person) => {
    const attributes: Record<string, string> = {};
    for (const [column, value] of Object.entries(person.attributes)) {
      if (isIdentifyingColumn(column)) dropped.add(column);
      else attributes[column] = value;
    }
    const pseudonym = rename(person.id);
    const realName = realNameOf(person.attributes);
    mapping.push({ realId: person.id, ...(realName === undefined ? {} : { realName }), pseudonym });
    return { ...person, id: pseudonym, attributes };
  });
  const renamedTies = ties.map((tie) => ({ ...tie, source: rename(tie.source), target: rename(tie.target) }));
  return {
    people: renamedPeople,
    ties: renamedTies,
    mapping,
    droppedAttributes: [...dropped].sort((a, b) => a.localeCompare(b)),
  };
}

/** The prefix of every pseudonym, so a reader tells one from a real id. */
export const PSEUDONYM_PREFIX = 'P-';

/**
 * Hex digits of the digest in a pseudonym. 10 digits are 2^40 values: among 10,000 people the chance that any
 * two share the first 10 digits is about n^2 / 2^41 = 1 in 22,000 (the birthday bound); the rare collision is
 * resolved by assignPseudonyms.
 */
export const PSEUDONYM_DIGITS = 10;

/**
 * Pseudonyms for `realIds` from each id's hex digest (stable: the same digest gives the same pseudonym).
 * `known` holds the pseudonyms people already have (from a kept key), which they keep; `taken` the pseudonyms
 * already used by people not in `known` (earlier waves). A pseudonym that would be shared is lengthened, for
 * every newcomer to it, until it is unique: so the person who had it first keeps it.
 */
export function assignPseudonyms(
  realIds: Iterable<string>,
  digestOf: (realId: string) => string,
  known: ReadonlyMap<string, string> = new Map(),
  taken: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const assigned = new Map<string, string>();
  const used = new Map<string, string>();
  for (const [realId, pseudonym] of known) used.set(pseudonym, realId);
  const unique = [...new Set(realIds)];
  // Earlier pseudonyms first; then the shortest form of each digest, in a fixed order, so the result does not
  // depend on the order the file listed people in.
  for (const realId of unique) {
    const kept = known.get(realId);
    if (kept !== undefined) assigned.set(realId, kept);
  }
  const newcomers = unique.filter((realId) => !assigned.has(realId)).sort();
  const digests = new Map(newcomers.map((realId) => [realId, digestOf(realId).toUpperCase()]));
  const short = (realId: string) => PSEUDONYM_PREFIX + (digests.get(realId) ?? '').slice(0, PSEUDONYM_DIGITS);
  const counts = new Map<string, number>();
  for (const realId of newcomers) counts.set(short(realId), (counts.get(short(realId)) ?? 0) + 1);
  for (const realId of newcomers) {
    const digest = digests.get(realId) ?? '';
    let digits = PSEUDONYM_DIGITS;
    let pseudonym = short(realId);
    while ((counts.get(pseudonym) ?? 0) > 1 || used.has(pseudonym) || taken.has(pseudonym)) {
      digits += 2;
      if (digits > digest.length)
        throw new PseudonymCollision(pseudonym, [used.get(pseudonym) ?? realId, realId]);
      pseudonym = PSEUDONYM_PREFIX + digest.slice(0, digits);
    }
    used.set(pseudonym, realId);
    assigned.set(realId, pseudonym);
  }
  return assigned;
}
