/**
 * Builds sample-data/conjoint/: the empathetic-service study, its choice design and simulated choices, from
 * fixed seeds and the true part-worths below (documented in sample-data/conjoint/README.md). The test
 * sample-study.test.ts checks the committed files are exactly what this produces; to rewrite them:
 *   npx tsx test/model/conjoint/sample-study.ts --write
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  choiceDesign,
  choiceDesignRows,
  parameterLayout,
  simulateChoices,
  studySchema,
  type EstimationAttribute,
  type Study,
} from '../../../model/conjoint';

export const SAMPLE_DIR = resolve(import.meta.dirname, '../../../sample-data/conjoint');

export const SAMPLE_STUDY: Study = studySchema.parse({
  name: 'Empathetic service',
  description:
    'What customers of a subscription service value in how they are looked after, and what they would pay for it: reply time, a human or a bot, a personal follow-up, feeling understood, and the monthly fee.',
  attributes: [
    {
      kind: 'categorical',
      name: 'reply_time',
      description: 'How soon a first reply comes',
      levels: ['within 1 hour', 'within 4 hours', 'next day'],
    },
    {
      kind: 'categorical',
      name: 'agent',
      description: 'Who answers',
      levels: ['human', 'bot with human hand-off', 'bot'],
    },
    {
      kind: 'categorical',
      name: 'follow_up',
      description: 'Whether someone checks back after the issue is closed',
      levels: ['none', 'personal call'],
    },
    {
      kind: 'categorical',
      name: 'understood',
      description: 'How the customer felt listened to',
      levels: ['scripted answer', 'listened to', 'fully understood'],
    },
    {
      kind: 'numeric',
      name: 'price',
      description: 'Monthly service fee',
      unit: 'EUR per month',
      levels: [0, 5, 10, 15],
    },
  ],
  price: 'price',
  // A bot alone cannot make a personal call.
  prohibitions: [{ agent: 'bot', follow_up: 'personal call' }],
});

/** True population of part-worths, dummy coded against each attribute's first level (utility units). */
export const TRUE_PART_WORTHS: readonly {
  readonly name: string;
  readonly mean: number;
  readonly sd: number;
}[] = [
  { name: 'reply_time:within 4 hours', mean: -0.5, sd: 0.4 },
  { name: 'reply_time:next day', mean: -1.3, sd: 0.5 },
  { name: 'agent:bot with human hand-off', mean: -0.3, sd: 0.4 },
  { name: 'agent:bot', mean: -0.9, sd: 0.6 },
  { name: 'follow_up:personal call', mean: 0.6, sd: 0.4 },
  { name: 'understood:listened to', mean: 0.7, sd: 0.4 },
  { name: 'understood:fully understood', mean: 1.4, sd: 0.5 },
  { name: 'price', mean: -0.12, sd: 0.04 },
  { name: 'none', mean: -0.8, sd: 0.8 },
];

export const SAMPLE_SEEDS = { design: 2024, choices: 7 } as const;
export const SAMPLE_RESPONDENTS = 200;

export function sampleAttributes(): EstimationAttribute[] {
  return SAMPLE_STUDY.attributes.map((attribute) =>
    attribute.kind === 'numeric'
      ? { kind: 'numeric', name: attribute.name, values: attribute.levels }
      : { kind: 'categorical', name: attribute.name, levels: attribute.levels },
  );
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const csv = (columns: readonly string[], rows: readonly (readonly string[])[]) =>
  `${[columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;

/** The sample files' contents by file name (JSON laid out by the project's Prettier settings, as `npm run lint` checks). */
export async function sampleFiles(): Promise<Record<string, string>> {
  const layout = parameterLayout(sampleAttributes(), { coding: 'dummy', none: true });
  if (layout.names.join() !== TRUE_PART_WORTHS.map((entry) => entry.name).join())
    throw new Error('part-worth names out of date');
  const design = choiceDesign(SAMPLE_STUDY, {
    versions: 20,
    tasks: 12,
    alternatives: 3,
    method: 'balanced-overlap',
    none: true,
    seed: SAMPLE_SEEDS.design,
  });
  const designTable = choiceDesignRows(SAMPLE_STUDY, design);
  const price = SAMPLE_STUDY.attributes[4];
  const simulated = simulateChoices({
    layout,
    design,
    respondents: SAMPLE_RESPONDENTS,
    mean: TRUE_PART_WORTHS.map((entry) => entry.mean),
    sd: TRUE_PART_WORTHS.map((entry) => entry.sd),
    seed: SAMPLE_SEEDS.choices,
    levelValue: (attribute, level) =>
      attribute === 4 && price?.kind === 'numeric' ? (price.levels[level] as number) : level,
  });
  const choiceRows: string[][] = [];
  simulated.data.tasks.forEach((task) => {
    const version = String(((Number(task.respondent) - 1) % design.versions.length) + 1);
    task.alternatives.forEach((alternative, j) => {
      const levels = alternative.none
        ? SAMPLE_STUDY.attributes.map(() => '')
        : SAMPLE_STUDY.attributes.map((attribute, a) =>
            attribute.kind === 'numeric'
              ? String(alternative.values[a])
              : (attribute.levels[alternative.values[a] as number] as string),
          );
      choiceRows.push([
        task.respondent,
        version,
        task.task,
        alternative.label,
        task.chosen === j ? '1' : '0',
        ...levels,
      ]);
    });
  });
  const attributeColumns = SAMPLE_STUDY.attributes.map((attribute) => attribute.name);
  const json = async (value: unknown, name: string) =>
    format(JSON.stringify(value), { ...(await resolveConfig(resolve(SAMPLE_DIR, name))), parser: 'json' });
  return {
    'study.json': await json(SAMPLE_STUDY, 'study.json'),
    'design.csv': csv(designTable.columns, designTable.rows),
    'choices.csv': csv(
      ['respondent', 'version', 'task', 'alternative', 'chosen', ...attributeColumns],
      choiceRows,
    ),
    'true-part-worths.json': await json(
      {
        description:
          'The population the simulated respondents were drawn from: each respondent\'s coefficients ~ independent normals with these means and SDs; dummy coding against each attribute\'s first level; price per EUR; none = utility of "none of these".',
        seeds: SAMPLE_SEEDS,
        respondents: SAMPLE_RESPONDENTS,
        partWorths: Object.fromEntries(
          TRUE_PART_WORTHS.map((entry) => [entry.name, { mean: entry.mean, sd: entry.sd }]),
        ),
      },
      'true-part-worths.json',
    ),
  };
}

if (process.argv.includes('--write')) {
  for (const [name, text] of Object.entries(await sampleFiles()))
    writeFileSync(resolve(SAMPLE_DIR, name), text);
}
