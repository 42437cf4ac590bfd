/**
 * The conjoint study document: attributes and their levels, a numeric price, and the combinations that may
 * not be shown together. Every study read from a file, the store or over IPC passes this schema first
 * (DESIGN.md "Data"); its messages name the attribute or level at fault.
 */
import { z } from 'zod';

const nameSchema = z
  .string()
  .trim()
  .min(1, 'An attribute needs a name.')
  .max(100, 'An attribute name has at most 100 characters.')
  .refine(
    (name) => !/[,:\r\n]/.test(name),
    'An attribute name may not contain a comma, a colon or a line break.',
  );

const levelLabelSchema = z.string().trim().min(1, 'A level needs a label.').max(200);

/** Levels without an order of their own: estimated one part-worth each. */
export const categoricalAttributeSchema = z.object({
  kind: z.literal('categorical'),
  name: nameSchema,
  description: z.string().max(1000).optional(),
  levels: z
    .array(levelLabelSchema)
    .min(2, 'An attribute needs at least two levels.')
    .refine((levels) => new Set(levels).size === levels.length, 'The levels of an attribute must differ.'),
});

/** Levels that are numbers (a price, a reply time in hours): estimated as one linear coefficient. */
export const numericAttributeSchema = z.object({
  kind: z.literal('numeric'),
  name: nameSchema,
  description: z.string().max(1000).optional(),
  unit: z.string().max(50).optional(),
  levels: z
    .array(z.number().refine(Number.isFinite, 'A numeric level must be a finite number.'))
    .min(2, 'An attribute needs at least two levels.')
    .refine((levels) => new Set(levels).size === levels.length, 'The levels of an attribute must differ.'),
});

export const attributeSchema = z.discriminatedUnion('kind', [
  categoricalAttributeSchema,
  numericAttributeSchema,
]);
export type StudyAttribute = z.infer<typeof attributeSchema>;

/** A partial profile that may never be shown: attribute name -> level (label, or number for numeric). */
export const prohibitionSchema = z.record(nameSchema, z.union([levelLabelSchema, z.number()]));
export type Prohibition = z.infer<typeof prohibitionSchema>;

export const studySchema = z
  .object({
    name: z.string().trim().min(1, 'A study needs a name.').max(200),
    description: z.string().max(5000).optional(),
    attributes: z.array(attributeSchema).min(1, 'A study needs at least one attribute.'),
    /** The numeric attribute that is the price, for willingness to pay. */
    price: nameSchema.optional(),
    prohibitions: z.array(prohibitionSchema).default([]),
  })
  .superRefine((study, context) => {
    const names = new Set<string>();
    study.attributes.forEach((attribute, index) => {
      if (names.has(attribute.name))
        context.addIssue({
          code: 'custom',
          path: ['attributes', index, 'name'],
          message: `Attribute "${attribute.name}" appears twice.`,
        });
      names.add(attribute.name);
    });
    if (study.price !== undefined) {
      const price = study.attributes.find((attribute) => attribute.name === study.price);
      if (price === undefined)
        context.addIssue({
          code: 'custom',
          path: ['price'],
          message: `The price "${study.price}" is not an attribute of the study.`,
        });
      else if (price.kind !== 'numeric')
        context.addIssue({
          code: 'custom',
          path: ['price'],
          message: `The price "${study.price}" must be a numeric attribute.`,
        });
    }
    study.prohibitions.forEach((prohibition, index) => {
      const entries = Object.entries(prohibition);
      if (entries.length < 2)
        context.addIssue({
          code: 'custom',
          path: ['prohibitions', index],
          message: 'A prohibition names at least two attributes.',
        });
      for (const [name, level] of entries) {
        const attribute = study.attributes.find((candidate) => candidate.name === name);
        if (attribute === undefined) {
          context.addIssue({
            code: 'custom',
            path: ['prohibitions', index, name],
            message: `"${name}" is not an attribute of the study.`,
          });
        } else if (!(attribute.levels as readonly (string | number)[]).includes(level)) {
          context.addIssue({
            code: 'custom',
            path: ['prohibitions', index, name],
            message: `"${String(level)}" is not a level of "${name}".`,
          });
        }
      }
    });
  });
export type Study = z.infer<typeof studySchema>;

/** A profile: one level index per attribute, in the study's attribute order. */
export type Profile = readonly number[];

/** The level as written in data files: the label, or the number for a numeric attribute. */
export function levelText(attribute: StudyAttribute, levelIndex: number): string {
  return String(attribute.levels[levelIndex]);
}

export function levelCounts(study: Study): number[] {
  return study.attributes.map((attribute) => attribute.levels.length);
}

/** Whether a profile shows a prohibited combination. */
export function isProhibited(study: Study, profile: Profile): boolean {
  return study.prohibitions.some((prohibition) =>
    Object.entries(prohibition).every(([name, level]) => {
      const index = study.attributes.findIndex((attribute) => attribute.name === name);
      const attribute = study.attributes[index];
      return attribute !== undefined && attribute.levels[profile[index] ?? -1] === level;
    }),
  );
}
