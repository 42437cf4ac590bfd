/**
 * A measured series brought back into the Dynamics model (issue 10, point 4): which data set, KPI, unit and
 * period, which date is the model's start and by how much the figures are scaled (retention in % against a model
 * fraction), and which model variable it is compared with. Kept per model in localStorage, checked with zod when
 * read back (a stale or hand-edited entry is dropped, not trusted).
 */
import { z } from 'zod';
import { kpiDefinition, type Period } from '../../../../model/measure/kpi/series';

/** The unit that stands for every unit's observations together. */
export const ALL_UNITS = '(all)';

export const MEASURED_PERIODS: readonly Period[] = ['month', 'quarter', 'year'];

/** The scale factors offered as presets; any other finite number may be typed. */
export const SCALE_PRESETS: readonly { readonly factor: number; readonly label: string }[] = [
  { factor: 0.01, label: '× 0.01 (% to a fraction)' },
  { factor: 1, label: '× 1 (as measured)' },
  { factor: 100, label: '× 100 (a fraction to %)' },
];

export const measuredChoiceSchema = z
  .object({
    datasetId: z.string().min(1),
    datasetName: z.string(),
    kind: z.enum(['kpi', 'nps']),
    kpi: z.string().min(1),
    unit: z.string().min(1),
    period: z.enum(['month', 'quarter', 'year']),
    /** ISO date that is the model's start time; null: the data's first date. */
    timeZero: z.string().nullable(),
    scale: z.number().refine(Number.isFinite, 'the scale must be a finite number'),
    /** The model variable the series is compared with (drawn on its chart, or fitted to it). */
    variable: z.string(),
  })
  .strict();
export type MeasuredChoice = z.infer<typeof measuredChoiceSchema>;

/** "KPIs by team / Customer Care / customer_retention (quarter)": where calibration data came from. */
export function measuredSourceName(choice: MeasuredChoice): string {
  const unit = choice.unit === ALL_UNITS ? 'all units' : choice.unit;
  return `Measured: ${choice.datasetName} / ${unit} / ${choice.kpi} (${choice.period})`;
}

/** The legend entry: "Measured: Customer retention, Customer Care". */
export function measuredLegendLabel(choice: MeasuredChoice): string {
  const unit = choice.unit === ALL_UNITS ? 'all units' : choice.unit;
  return `Measured: ${kpiDefinition(choice.kpi).label}, ${unit}`;
}

const storageKey = (purpose: 'chart' | 'calibration', modelId: string) =>
  `empathy-workbench.measured-${purpose}.${modelId}`;

/** The choice remembered for this model, or undefined when none (or one that no longer reads). */
export function readMeasuredChoice(
  purpose: 'chart' | 'calibration',
  modelId: string,
  storage: Pick<Storage, 'getItem'> = localStorage,
): MeasuredChoice | undefined {
  try {
    const parsed = measuredChoiceSchema.safeParse(
      JSON.parse(storage.getItem(storageKey(purpose, modelId)) ?? 'null'),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeMeasuredChoice(
  purpose: 'chart' | 'calibration',
  modelId: string,
  choice: MeasuredChoice | undefined,
  storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage,
): void {
  if (choice === undefined) storage.removeItem(storageKey(purpose, modelId));
  else storage.setItem(storageKey(purpose, modelId), JSON.stringify(choice));
}
