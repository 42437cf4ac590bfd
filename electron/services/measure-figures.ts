/**
 * The figures the measurement data sets offer to the Dynamics model (see figures.ts; issue 10, point 4):
 *
 * - a scored survey: each subscale's organization-wide mean of the respondents' subscale means (points per
 *   item), per wave as `<wave>.<subscale>` ("after.EC"), and the last wave's (in file order) again as
 *   `latest.<subscale>`; without a wave column, `all.<subscale>`;
 * - a KPI series: `latest.<kpi>`, the mean over units of the KPI's latest month, and `latest.<unit>.<kpi>`, each
 *   unit's value in its own latest month;
 * - raw NPS answers: `latest.<unit>.nps` per unit and `latest.nps` over every unit, each computed from the
 *   answers of the latest quarter (Reichheld 2003: never an average of scores).
 *
 * People data (issue 11, point 2): a KPI unit with fewer people than the data set's minimum group size (by
 * model/measure knownUnitSizes: its saved size and its `n` column, the smaller; a unit of unknown size is kept) is not offered, and is left out of the
 * mean over units too, so its value cannot be recovered by subtraction. A survey figure over fewer respondents
 * than the minimum is null. A figure the data cannot give (a QMEE without its reverse key, a bad answer) is
 * offered with a null value, so a scenario can be linked before the settings are fixed.
 */
import {
  BUILTIN_SCALES,
  aggregateSeries,
  kpiDefinition,
  npsSeries,
  parseKpiSeries,
  periodOf,
  resolveColumns,
  scoreSurvey,
  scoringKey,
  type AggregatedPoint,
  type KeyOverrides,
  type ScaleSpec,
  type ScoringKey,
  knownUnitSizes,
} from '../../model/measure';
import type { LinkableFigure } from '../../model/schema/figure';
import type { MeasureDataset, SurveySettings } from '../store/measure-document';
import { measureDatasetRepository } from '../store/measure-datasets';
import type { FigureProvider } from './figures';

/** The key under which the last wave's (or period's) figures are offered. */
export const LATEST = 'latest';
/** The prefix of a survey's figures when it has no wave column. */
export const ALL_RESPONDENTS = 'all';

type Figure = Omit<LinkableFigure, 'instrument' | 'documentId' | 'documentName'>;

function surveySpec(settings: SurveySettings): ScaleSpec | undefined {
  const spec = settings.scale === 'custom' ? settings.customSpec : BUILTIN_SCALES[settings.scale];
  if (spec === undefined) return undefined;
  return settings.maxMissingShare === undefined
    ? spec
    : { ...spec, maxMissingShare: settings.maxMissingShare };
}

function surveyKey(settings: SurveySettings): ScoringKey | undefined {
  const spec = surveySpec(settings);
  if (spec === undefined) return undefined;
  const overrides: { reverse?: readonly string[]; answers?: { min: number; max: number } } = {};
  if (settings.reverse !== undefined) overrides.reverse = settings.reverse;
  if (settings.range !== undefined) overrides.answers = { min: settings.range[0], max: settings.range[1] };
  const key = scoringKey(spec, overrides as KeyOverrides);
  return key.ok ? key.value : undefined;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/** The waves in the order they first appear in the file (one unnamed group without a wave column). */
function wavesOf(dataset: MeasureDataset, waveColumn: string | undefined): string[] {
  if (waveColumn === undefined) return [ALL_RESPONDENTS];
  const at = dataset.table.columns.indexOf(waveColumn);
  if (at < 0) return [];
  return [...new Set(dataset.table.rows.map((row) => (row[at] ?? '').trim()))];
}

export function surveyFigures(dataset: MeasureDataset): Figure[] {
  const settings = dataset.settings;
  if (settings?.kind !== 'survey') return [];
  const spec = surveySpec(settings);
  if (spec === undefined) return [];
  const key = surveyKey(settings);
  const { min, max } = key?.answers ?? spec.answers;
  const waveColumn = settings.waveColumn;
  const waves = wavesOf(dataset, waveColumn);
  const scored =
    key === undefined
      ? undefined
      : (() => {
          const columns = resolveColumns(dataset.table, key, settings.columns);
          if (!columns.ok) return undefined;
          const result = scoreSurvey(dataset.table, key, {
            columns: columns.value,
            labelColumns: waveColumn === undefined ? [] : [waveColumn],
          });
          return result.ok ? result.value : undefined;
        })();
  const threshold = dataset.privacy.minGroupSize;
  const figuresOfWave = (wave: string, prefix: string): Figure[] =>
    spec.subscales.map((subscale) => {
      const means = (scored?.respondents ?? [])
        .filter((respondent) => waveColumn === undefined || respondent.labels[waveColumn]?.trim() === wave)
        .map((respondent) => respondent.scores[subscale.id]?.mean)
        .filter((value): value is number => value !== null && value !== undefined);
      const tooFew = scored !== undefined && means.length < threshold;
      const where = waveColumn === undefined ? 'all respondents' : `wave ${wave}`;
      return {
        figure: `${prefix}.${subscale.id}`,
        label: `${subscale.name}, mean per item (${min}-${max}), ${where}${tooFew ? `, hidden: fewer than ${threshold} respondents` : ''}`,
        value: tooFew ? null : mean(means),
        units: `points per item (${min}-${max})`,
      };
    });
  const found = waves.flatMap((wave) => figuresOfWave(wave, wave));
  const last = waves[waves.length - 1];
  if (waveColumn !== undefined && last !== undefined)
    found.push(
      ...figuresOfWave(last, LATEST).map((figure) => ({ ...figure, label: `${figure.label} (the latest)` })),
    );
  return found;
}

/**
 * The people behind each unit's figure: the smallest `n` of its rows (a KPI file's optional column), else the
 * unit's size in the settings; a unit of unknown size is missing from the map.
 */
const unitSizes = (dataset: MeasureDataset): Map<string, number> =>
  knownUnitSizes(dataset.table, dataset.settings?.kind === 'kpi' ? dataset.settings.unitSizes : {}).sizes;

const latestOf = (points: readonly AggregatedPoint[]): string | undefined =>
  points.reduce<string | undefined>(
    (latest, point) => (latest === undefined || point.period > latest ? point.period : latest),
    undefined,
  );

export function kpiFigures(dataset: MeasureDataset): Figure[] {
  const parsed = parseKpiSeries(dataset.table);
  if (!parsed.ok) return [];
  const threshold = dataset.privacy.minGroupSize;
  const sizes = unitSizes(dataset);
  const shown = (unit: string) => (sizes.get(unit) ?? Number.POSITIVE_INFINITY) >= threshold;
  const points = aggregateSeries(parsed.value, 'month');
  const kpis = [...new Set(points.map((point) => point.kpi))];
  return kpis.flatMap((kpi) => {
    const definition = kpiDefinition(kpi);
    const units = definition.unit === '' ? {} : { units: definition.unit };
    const ofKpi = points.filter((point) => point.kpi === kpi && shown(point.unit));
    const month = latestOf(ofKpi);
    const inMonth = ofKpi.filter((point) => point.period === month);
    const hidden = new Set(
      points.filter((point) => point.kpi === kpi && !shown(point.unit)).map((p) => p.unit),
    );
    const overall: Figure = {
      figure: `${LATEST}.${kpi}`,
      label: `${definition.label}, mean over ${inMonth.length === 1 ? '1 unit' : `${inMonth.length} units`}, ${month ?? 'no month'}${hidden.size > 0 ? ` (${hidden.size === 1 ? '1 unit' : `${hidden.size} units`} of fewer than ${threshold} people left out)` : ''}`,
      value: mean(inMonth.map((point) => point.value)),
      ...units,
    };
    const perUnit = [...new Set(ofKpi.map((point) => point.unit))].map((unit): Figure => {
      const ofUnit = ofKpi.filter((point) => point.unit === unit);
      const unitMonth = latestOf(ofUnit);
      return {
        figure: `${LATEST}.${unit}.${kpi}`,
        label: `${definition.label}, ${unit}, ${unitMonth ?? 'no month'}`,
        value: ofUnit.find((point) => point.period === unitMonth)?.value ?? null,
        ...units,
      };
    });
    return [overall, ...perUnit];
  });
}

const NPS_UNITS = kpiDefinition('nps').unit;

export function npsFigures(dataset: MeasureDataset): Figure[] {
  const perUnit = npsSeries(dataset.table, 'quarter');
  if (!perUnit.ok) return [];
  // Every unit's answers pooled: the table with one unit, so the score comes from the answers themselves.
  const unitAt = dataset.table.columns.findIndex((column) =>
    ['unit', 'team'].includes(column.trim().toLowerCase()),
  );
  const pooled = npsSeries(
    {
      columns: dataset.table.columns,
      rows: dataset.table.rows.map((row) => row.map((cell, at) => (at === unitAt ? '' : cell))),
    },
    'quarter',
  );
  const quarterOf = (date: string) => periodOf(date, 'quarter');
  const found: Figure[] = [];
  if (pooled.ok) {
    const quarters = pooled.value.map((point) => quarterOf(point.date)).sort();
    const latest = quarters[quarters.length - 1];
    const point = pooled.value.find((entry) => quarterOf(entry.date) === latest);
    found.push({
      figure: `${LATEST}.nps`,
      label: `Net Promoter Score, every unit's answers, ${latest ?? 'no quarter'}${point === undefined ? '' : ` (${point.responses} answers)`}`,
      value: point?.value ?? null,
      units: NPS_UNITS,
    });
  }
  const units = [...new Set(perUnit.value.map((point) => point.unit))];
  for (const unit of units) {
    const ofUnit = perUnit.value.filter((point) => point.unit === unit);
    const latest = ofUnit
      .map((point) => quarterOf(point.date))
      .sort()
      .at(-1);
    const point = ofUnit.find((entry) => quarterOf(entry.date) === latest);
    found.push({
      figure: `${LATEST}.${unit}.nps`,
      label: `Net Promoter Score, ${unit}, ${latest ?? 'no quarter'}${point === undefined ? '' : ` (${point.responses} answers)`}`,
      value: point?.value ?? null,
      units: NPS_UNITS,
    });
  }
  return found;
}

/** The figures of one data set, as the Dynamics view lists them. */
export function datasetFigures(dataset: MeasureDataset): LinkableFigure[] {
  const figures =
    dataset.kind === 'survey'
      ? surveyFigures(dataset)
      : dataset.kind === 'kpi'
        ? kpiFigures(dataset)
        : dataset.kind === 'nps'
          ? npsFigures(dataset)
          : [];
  return figures.map((figure) => ({
    instrument: 'measurement' as const,
    documentId: dataset.id,
    documentName: dataset.name,
    ...figure,
  }));
}

const CACHE_SIZE = 64;
/**
 * The figures of each version of a data set, so that the Dynamics view, which asks whenever it opens a scenario,
 * does not read and score the whole table each time. A table never changes once imported; what the figures also
 * depend on (the name, the settings, the minimum group size) is in the key itself, so two changes within one
 * millisecond of updatedAt cannot leave stale figures.
 */
const cache = new Map<string, LinkableFigure[]>();

export const measureFigures: FigureProvider = (context, projectId) => {
  const datasets = measureDatasetRepository(context.workspace.db);
  return datasets
    .list(projectId)
    .filter((summary) => summary.kind === 'survey' || summary.kind === 'kpi' || summary.kind === 'nps')
    .flatMap((summary) => {
      const key = JSON.stringify([
        summary.id,
        summary.updatedAt,
        summary.name,
        summary.settings,
        summary.privacy.minGroupSize,
      ]);
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      // One damaged data set must not hide the others' figures.
      try {
        const figures = datasetFigures(datasets.get(summary.id));
        if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
        cache.set(key, figures);
        return figures;
      } catch {
        return [];
      }
    });
};
