/**
 * The study as the editor holds it while someone types: levels as text (a numeric level may be half-typed),
 * attributes under stable keys (so a prohibition or the price keeps pointing at an attribute being renamed), and
 * prohibitions by level index. `studyFromDraft` turns it into a study through model/conjoint's schema and words
 * each problem the way the form shows it ("Attribute 2 “price”, level 3: ...").
 */
import { studySchema, type Study, type StudyAttribute } from '../../../../model/conjoint';

export interface AttributeDraft {
  readonly key: string;
  readonly kind: 'categorical' | 'numeric';
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly levels: readonly string[];
}

export interface ProhibitionDraft {
  readonly key: string;
  /** Attribute key -> level index. */
  readonly levels: Readonly<Record<string, number>>;
}

export interface StudyDraft {
  readonly description: string;
  readonly attributes: readonly AttributeDraft[];
  /** The key of the price attribute, or '' for none. */
  readonly price: string;
  readonly prohibitions: readonly ProhibitionDraft[];
}

export interface DraftProblem {
  /** Where, in the form's words. */
  readonly where: string;
  readonly message: string;
}

export type DraftReading =
  | { readonly ok: true; readonly study: Study }
  | { readonly ok: false; readonly problems: readonly DraftProblem[] };

let counter = 0;
/** A key no other attribute or prohibition of this page has. */
export const newKey = (prefix: string): string => `${prefix}${(counter += 1)}`;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function draftFromStudy(study: Study): StudyDraft {
  const attributes = study.attributes.map((attribute): AttributeDraft => ({
    key: newKey('attribute'),
    kind: attribute.kind,
    name: attribute.name,
    description: attribute.description ?? '',
    unit: attribute.kind === 'numeric' ? (attribute.unit ?? '') : '',
    levels: attribute.levels.map(String),
  }));
  const keyOf = (name: string) => attributes.find((attribute) => attribute.name === name)?.key;
  return {
    description: study.description ?? '',
    attributes,
    price: (study.price === undefined ? undefined : keyOf(study.price)) ?? '',
    prohibitions: study.prohibitions.map((prohibition) => ({
      key: newKey('prohibition'),
      levels: Object.fromEntries(
        Object.entries(prohibition).flatMap(([name, level]) => {
          const index = study.attributes.findIndex((attribute) => attribute.name === name);
          const attribute = study.attributes[index];
          const key = attributes[index]?.key;
          if (attribute === undefined || key === undefined) return [];
          return [[key, (attribute.levels as readonly (string | number)[]).indexOf(level)]];
        }),
      ),
    })),
  };
}

const attributeWords = (draft: StudyDraft, index: number): string => {
  const name = draft.attributes[index]?.name.trim() ?? '';
  return `Attribute ${index + 1}${name === '' ? '' : ` “${name}”`}`;
};

/** The schema's path in the form's words. */
function whereOf(draft: StudyDraft, path: readonly PropertyKey[]): string {
  const [head, index, field, level] = path;
  if (head === 'attributes' && typeof index === 'number') {
    const base = attributeWords(draft, index);
    if (field === 'levels' && typeof level === 'number') return `${base}, level ${level + 1}`;
    if (field === 'levels') return `${base}, levels`;
    return field === 'name' ? `${base}, name` : base;
  }
  if (head === 'prohibitions' && typeof index === 'number') return `Prohibition ${index + 1}`;
  if (head === 'price') return 'Price';
  if (head === 'description') return 'Description';
  return 'Study';
}

export function studyFromDraft(draft: StudyDraft, name: string): DraftReading {
  const problems: DraftProblem[] = [];
  const attributes = draft.attributes.map((attribute, a): StudyAttribute => {
    const base = {
      name: attribute.name,
      ...(attribute.description.trim() === '' ? {} : { description: attribute.description.trim() }),
    };
    if (attribute.kind === 'categorical')
      return { ...base, kind: 'categorical', levels: attribute.levels.map((level) => level.trim()) };
    const levels = attribute.levels.map((text, l) => {
      const trimmed = text.trim();
      if (!NUMBER.test(trimmed)) {
        problems.push({
          where: `${attributeWords(draft, a)}, level ${l + 1}`,
          message: trimmed === '' ? 'A numeric level needs a number.' : `“${trimmed}” is not a number.`,
        });
        return Number.NaN;
      }
      return Number(trimmed);
    });
    return {
      ...base,
      kind: 'numeric',
      levels,
      ...(attribute.unit.trim() === '' ? {} : { unit: attribute.unit.trim() }),
    };
  });
  if (problems.length > 0) return { ok: false, problems };
  const nameOf = (key: string) => draft.attributes.find((attribute) => attribute.key === key)?.name;
  const price = draft.price === '' ? undefined : nameOf(draft.price);
  const candidate = {
    name,
    ...(draft.description.trim() === '' ? {} : { description: draft.description.trim() }),
    attributes,
    ...(price === undefined ? {} : { price }),
    prohibitions: draft.prohibitions.map((prohibition) =>
      Object.fromEntries(
        Object.entries(prohibition.levels).flatMap(([key, level]) => {
          const index = draft.attributes.findIndex((attribute) => attribute.key === key);
          const attribute = attributes[index];
          if (attribute === undefined) return [];
          return [[attribute.name, attribute.levels[level] ?? '']];
        }),
      ),
    ),
  };
  const parsed = studySchema.safeParse(candidate);
  if (parsed.success) return { ok: true, study: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      where: whereOf(draft, issue.path),
      message: issue.message,
    })),
  };
}

// Edits. Each returns a new draft; removing an attribute or a level also fixes the price and the prohibitions.

export function addAttribute(draft: StudyDraft, kind: AttributeDraft['kind']): StudyDraft {
  const number = draft.attributes.length + 1;
  const attribute: AttributeDraft = {
    key: newKey('attribute'),
    kind,
    name: kind === 'numeric' ? `numeric_${number}` : `attribute_${number}`,
    description: '',
    unit: '',
    levels: kind === 'numeric' ? ['0', '1'] : ['level 1', 'level 2'],
  };
  return { ...draft, attributes: [...draft.attributes, attribute] };
}

export function updateAttribute(
  draft: StudyDraft,
  key: string,
  change: Partial<Omit<AttributeDraft, 'key'>>,
): StudyDraft {
  return {
    ...draft,
    // A price must be numeric: turning the price attribute categorical unsets it.
    price: change.kind === 'categorical' && draft.price === key ? '' : draft.price,
    attributes: draft.attributes.map((attribute) =>
      attribute.key === key ? { ...attribute, ...change } : attribute,
    ),
  };
}

export function removeAttribute(draft: StudyDraft, key: string): StudyDraft {
  return {
    ...draft,
    attributes: draft.attributes.filter((attribute) => attribute.key !== key),
    price: draft.price === key ? '' : draft.price,
    prohibitions: draft.prohibitions
      .map((prohibition) => ({
        ...prohibition,
        levels: Object.fromEntries(
          Object.entries(prohibition.levels).filter(([attribute]) => attribute !== key),
        ),
      }))
      .filter((prohibition) => Object.keys(prohibition.levels).length >= 2),
  };
}

export function moveAttribute(draft: StudyDraft, key: string, step: -1 | 1): StudyDraft {
  const from = draft.attributes.findIndex((attribute) => attribute.key === key);
  const to = from + step;
  if (from < 0 || to < 0 || to >= draft.attributes.length) return draft;
  const attributes = [...draft.attributes];
  const [moved] = attributes.splice(from, 1);
  if (moved !== undefined) attributes.splice(to, 0, moved);
  return { ...draft, attributes };
}

export function addLevel(draft: StudyDraft, key: string): StudyDraft {
  return {
    ...draft,
    attributes: draft.attributes.map((attribute) =>
      attribute.key === key ? { ...attribute, levels: [...attribute.levels, ''] } : attribute,
    ),
  };
}

export function setLevel(draft: StudyDraft, key: string, index: number, text: string): StudyDraft {
  return {
    ...draft,
    attributes: draft.attributes.map((attribute) =>
      attribute.key === key
        ? { ...attribute, levels: attribute.levels.map((level, l) => (l === index ? text : level)) }
        : attribute,
    ),
  };
}

/** Removes a level; a prohibition naming it goes, and those naming later levels follow the shift. */
export function removeLevel(draft: StudyDraft, key: string, index: number): StudyDraft {
  return {
    ...draft,
    attributes: draft.attributes.map((attribute) =>
      attribute.key === key
        ? { ...attribute, levels: attribute.levels.filter((_, l) => l !== index) }
        : attribute,
    ),
    prohibitions: draft.prohibitions
      .filter((prohibition) => prohibition.levels[key] !== index)
      .map((prohibition) => {
        const level = prohibition.levels[key];
        return level === undefined || level < index
          ? prohibition
          : { ...prohibition, levels: { ...prohibition.levels, [key]: level - 1 } };
      }),
  };
}

export function addProhibition(draft: StudyDraft, levels: Readonly<Record<string, number>>): StudyDraft {
  return { ...draft, prohibitions: [...draft.prohibitions, { key: newKey('prohibition'), levels }] };
}

export function removeProhibition(draft: StudyDraft, key: string): StudyDraft {
  return { ...draft, prohibitions: draft.prohibitions.filter((prohibition) => prohibition.key !== key) };
}

/** Whether the draft says the same as the saved study (no save needed). */
export function sameStudy(a: Study, b: Study): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
