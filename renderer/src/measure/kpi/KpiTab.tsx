/**
 * The KPIs tab of the Measure section (issue 10, point 2; KPI breakdowns by issue 11, point 2): a KPI from the
 * project's KPI series, or the NPS computed from raw answers, over time per unit with the initiatives as markers;
 * units under the data set's minimum group size hidden from the chart, the table and the export; the unit sizes
 * the check needs; a before/after table per unit around an initiative; and the turnover-cost and CLV formulas.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { MeasureDataset, MeasureDatasetSummary } from '../../../../electron/api/contract';
import {
  kpiDefinition,
  parseInitiatives,
  parseKpiSeries,
  type InitiativeMarker,
  type KpiObservation,
  type Period,
} from '../../../../model/measure';
import type { CellProblem } from '../../../../model/stats/data-table';
import { call } from '../../api';
import { seriesColor } from '../../dynamics/charts/series-colors';
import { downloadText } from '../../dynamics/download';
import type { MeasureTabProps } from '../tab-props';
import { BeforeAfterTable } from './BeforeAfterTable';
import { KpiCalculator } from './KpiCalculator';
import { KpiChart } from './KpiChart';
import { UnitSizesForm } from './UnitSizesForm';
import {
  applyMinGroupSize,
  kpiLines,
  kpiNamesOf,
  markersFor,
  npsLines,
  unitSizes,
  type DateRange,
  type KpiUnitLine,
} from './kpi-breakdown';
import { kpiSeriesCsv } from './kpi-export';
import './kpi.css';

const PERIODS: readonly { readonly id: Period; readonly label: string }[] = [
  { id: 'month', label: 'Month' },
  { id: 'quarter', label: 'Quarter' },
  { id: 'year', label: 'Year' },
];

/** The KPI chosen in the list: a KPI series' KPI, or the NPS of an answers data set. */
const NPS = 'nps';

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly dataset: MeasureDataset };

/** A data set loaded whole (`measure.get`), again whenever the list says it changed (its updatedAt). */
function useDataset(summary: MeasureDatasetSummary | undefined): Loaded | undefined {
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded } | undefined>();
  const key = summary === undefined ? undefined : `${summary.id} ${summary.updatedAt}`;
  useEffect(() => {
    if (summary === undefined) return;
    let current = true;
    const thisKey = `${summary.id} ${summary.updatedAt}`;
    call('measure.get', { id: summary.id }).then(
      (dataset) => {
        if (current) setLoaded({ key: thisKey, value: { status: 'ready', dataset } });
      },
      (error: unknown) => {
        if (current)
          setLoaded({
            key: thisKey,
            value: { status: 'failed', message: error instanceof Error ? error.message : String(error) },
          });
      },
    );
    return () => {
      current = false;
    };
  }, [summary]);
  if (key === undefined || summary === undefined) return undefined;
  if (loaded?.key === key) return loaded.value;
  // While a changed data set reloads (its unit sizes just saved), the version before stays on screen: falling
  // back to nothing would flash another KPI and the unknown-size note for a moment.
  return loaded?.value.status === 'ready' && loaded.value.dataset.id === summary.id
    ? loaded.value
    : { status: 'loading' };
}

const readyDataset = (loaded: Loaded | undefined) =>
  loaded?.status === 'ready' ? loaded.dataset : undefined;

let appVersion: Promise<string> | undefined;
const version = () =>
  (appVersion ??= call('app.info', {}).then(
    (info) => info.version,
    () => 'unknown',
  ));

/** "kpi.csv row 14, column value: ..." so the user finds the cell in the file they imported. */
const inFile = (dataset: MeasureDataset | undefined, problems: readonly CellProblem[]) =>
  problems.slice(0, 5).map((problem) => `${dataset?.fileName ?? 'The file'}: ${problem.message}`);

function DatasetChoice({
  label,
  datasets,
  value,
  onChange,
}: {
  readonly label: string;
  readonly datasets: readonly MeasureDatasetSummary[];
  readonly value: string | undefined;
  readonly onChange: (id: string) => void;
}) {
  const id = useId();
  if (datasets.length < 2) return null;
  return (
    <div className="kpi-control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {datasets.map((dataset) => (
          <option key={dataset.id} value={dataset.id}>
            {dataset.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function KpiTab({ datasets, onDatasetChanged }: MeasureTabProps) {
  const base = useId();
  const kpiSets = datasets.filter((dataset) => dataset.kind === 'kpi');
  const npsSets = datasets.filter((dataset) => dataset.kind === 'nps');
  const initiativeSets = datasets.filter((dataset) => dataset.kind === 'initiatives');
  const [kpiSetId, setKpiSetId] = useState<string | undefined>();
  const [npsSetId, setNpsSetId] = useState<string | undefined>();
  const [initiativesId, setInitiativesId] = useState<string | undefined>();
  const kpiSummary = kpiSets.find((dataset) => dataset.id === kpiSetId) ?? kpiSets[0];
  const npsSummary = npsSets.find((dataset) => dataset.id === npsSetId) ?? npsSets[0];
  const initiativesSummary =
    initiativeSets.find((dataset) => dataset.id === initiativesId) ?? initiativeSets[0];
  const kpiLoaded = useDataset(kpiSummary);
  const npsLoaded = useDataset(npsSummary);
  const initiativesLoaded = useDataset(initiativesSummary);
  const kpiSet = readyDataset(kpiLoaded);
  const npsSet = readyDataset(npsLoaded);
  const initiativesSet = readyDataset(initiativesLoaded);

  const [kpiChoice, setKpiChoice] = useState<string | undefined>();
  const [period, setPeriod] = useState<Period>('month');
  const [range, setRange] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [unitChoice, setUnitChoice] = useState<readonly string[] | 'all'>('all');
  const [markerChoice, setMarkerChoice] = useState<string | undefined>();
  const [exportProblem, setExportProblem] = useState<string | undefined>();

  const parsedKpis = useMemo(
    () => (kpiSet === undefined ? undefined : parseKpiSeries(kpiSet.table)),
    [kpiSet],
  );
  const observations = useMemo<readonly KpiObservation[]>(
    () => (parsedKpis?.ok === true ? parsedKpis.value : []),
    [parsedKpis],
  );
  const parsedMarkers = useMemo(
    () => (initiativesSet === undefined ? undefined : parseInitiatives(initiativesSet.table)),
    [initiativesSet],
  );
  const allMarkers: readonly InitiativeMarker[] = parsedMarkers?.ok === true ? parsedMarkers.value : [];

  const kpiNames = useMemo(
    () => [
      ...kpiNamesOf(observations).filter((name) => name !== NPS),
      ...(npsSummary === undefined ? [] : [NPS]),
    ],
    [observations, npsSummary],
  );
  const kpi = kpiChoice !== undefined && kpiNames.includes(kpiChoice) ? kpiChoice : kpiNames[0];
  const fromAnswers = kpi === NPS && npsSummary !== undefined;
  const definition = kpiDefinition(kpi ?? '');
  const dateRange: DateRange = {
    ...(range.from === '' ? {} : { from: range.from }),
    ...(range.to === '' ? {} : { to: range.to }),
  };

  const lines = useMemo(() => {
    if (kpi === undefined) return { ok: true as const, value: [] as KpiUnitLine[] };
    if (fromAnswers) {
      if (npsSet === undefined) return { ok: true as const, value: [] as KpiUnitLine[] };
      return npsLines(npsSet.table, period, dateRange);
    }
    return { ok: true as const, value: kpiLines(observations, kpi, period, dateRange) };
    // dateRange is rebuilt each render from `range`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kpi, fromAnswers, npsSet, observations, period, range]);

  const source = fromAnswers ? npsSet : kpiSet;
  const minGroupSize = (fromAnswers ? npsSummary : kpiSummary)?.privacy.minGroupSize ?? 5;
  const savedSizes = useMemo(
    () => (kpiSet?.settings?.kind === 'kpi' ? kpiSet.settings.unitSizes : {}),
    [kpiSet],
  );
  const sized = useMemo(() => unitSizes(kpiSet?.table, savedSizes), [kpiSet, savedSizes]);
  const allLines = useMemo(() => (lines.ok ? lines.value : []), [lines]);
  const breakdown = applyMinGroupSize(allLines, sized.sizes, minGroupSize);
  const shownUnits = breakdown.lines.map((line) => line.unit);
  const chosenUnits =
    unitChoice === 'all' ? shownUnits : shownUnits.filter((unit) => unitChoice.includes(unit));
  // A unit keeps its colour whichever units are shown: colours follow the order of every unit in the data.
  const everyUnit = useMemo(
    () =>
      [
        ...new Set([
          ...observations.map((observation) => observation.unit),
          ...allLines.map((line) => line.unit),
        ]),
      ].sort((a, b) => a.localeCompare(b)),
    [observations, allLines],
  );
  const chartLines = breakdown.lines
    .filter((line) => chosenUnits.includes(line.unit))
    .map((line) => ({ ...line, color: seriesColor(everyUnit.indexOf(line.unit)) }));
  const markers = markersFor(allMarkers, chosenUnits, dateRange);
  const fromFile = new Set(
    [...sized.sizes.keys()].filter((unit) => !Object.prototype.hasOwnProperty.call(savedSizes, unit)),
  );

  const problems = [
    ...(parsedKpis?.ok === false ? inFile(kpiSet, parsedKpis.problems) : []),
    ...(lines.ok ? [] : inFile(npsSet, lines.problems)),
    ...(parsedMarkers?.ok === false ? inFile(initiativesSet, parsedMarkers.problems) : []),
    ...inFile(kpiSet, sized.problems),
  ];
  const loadFailures = [kpiLoaded, npsLoaded, initiativesLoaded].flatMap((loaded) =>
    loaded?.status === 'failed' ? [loaded.message] : [],
  );
  const loading = [kpiLoaded, npsLoaded, initiativesLoaded].some((loaded) => loaded?.status === 'loading');

  const saveSizes = async (sizes: Record<string, number>) => {
    if (kpiSummary === undefined) return;
    const updated = await call('measure.updateSettings', {
      id: kpiSummary.id,
      settings: { kind: 'kpi', unitSizes: sizes },
    });
    onDatasetChanged(updated);
  };

  const realNames = source !== undefined && source.privacy.idColumn !== null && !source.privacy.pseudonymized;
  const exportCsv = async () => {
    if (source === undefined || kpi === undefined) return;
    setExportProblem(undefined);
    try {
      const text = kpiSeriesCsv(
        {
          source: `${source.name} (${source.fileName})`,
          kpi,
          kpiLabel: definition.label,
          kpiUnit: definition.unit,
          combined: fromAnswers
            ? 'NPS computed from the answers of each period (% 9-10 minus % 0-6)'
            : definition.aggregation,
          period,
          range: dateRange,
          minGroupSize,
          hiddenNote: breakdown.note,
          unknownSizes: breakdown.unknown.filter((unit) => chosenUnits.includes(unit)),
          realNames,
          appVersion: await version(),
          exportedAt: new Date().toISOString(),
        },
        breakdown.lines.filter((line) => chosenUnits.includes(line.unit)),
      );
      downloadText(`${source.name} ${kpi} by ${period}.csv`, 'text/csv', text);
    } catch (error) {
      setExportProblem(error instanceof Error ? error.message : String(error));
    }
  };

  if (kpiSets.length === 0 && npsSets.length === 0)
    return (
      <div className="empty-state kpi-tab">
        <h2>No KPI series yet</h2>
        <p>
          Import a KPI series (date, unit, kpi, value) or raw NPS answers (date, unit, answer 0-10) in the
          Data sets tab; initiatives (date, label, unit) become markers on the charts.
        </p>
      </div>
    );

  const yLabel = definition.unit === '' ? definition.label : `${definition.label} (${definition.unit})`;
  const title = `${definition.label} per ${period}`;
  return (
    <div className="kpi-tab">
      <div className="kpi-controls" role="group" aria-label="What the chart shows">
        <DatasetChoice label="KPI series" datasets={kpiSets} value={kpiSummary?.id} onChange={setKpiSetId} />
        <DatasetChoice label="NPS answers" datasets={npsSets} value={npsSummary?.id} onChange={setNpsSetId} />
        <DatasetChoice
          label="Initiatives"
          datasets={initiativeSets}
          value={initiativesSummary?.id}
          onChange={setInitiativesId}
        />
        <div className="kpi-control">
          <label htmlFor={`${base}-kpi`}>KPI</label>
          <select id={`${base}-kpi`} value={kpi ?? ''} onChange={(event) => setKpiChoice(event.target.value)}>
            {kpiNames.map((name) => {
              const known = kpiDefinition(name);
              return (
                <option key={name} value={name}>
                  {known.label}
                  {known.unit === '' ? '' : ` (${known.unit})`}
                  {name === NPS && npsSummary !== undefined ? ', from answers' : ''}
                </option>
              );
            })}
          </select>
        </div>
        <div className="kpi-control">
          <label htmlFor={`${base}-period`}>Period</label>
          <select
            id={`${base}-period`}
            value={period}
            onChange={(event) => setPeriod(event.target.value as Period)}
          >
            {PERIODS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="kpi-control">
          <label htmlFor={`${base}-from`}>From</label>
          <input
            id={`${base}-from`}
            type="date"
            value={range.from}
            onChange={(event) => setRange({ ...range, from: event.target.value })}
          />
        </div>
        <div className="kpi-control">
          <label htmlFor={`${base}-to`}>To</label>
          <input
            id={`${base}-to`}
            type="date"
            value={range.to}
            onChange={(event) => setRange({ ...range, to: event.target.value })}
          />
        </div>
      </div>
      {shownUnits.length === 0 ? null : (
        <fieldset className="kpi-units">
          <legend>Units</legend>
          <label>
            <input
              type="checkbox"
              checked={chosenUnits.length === shownUnits.length}
              onChange={(event) => setUnitChoice(event.target.checked ? 'all' : [])}
            />{' '}
            All
          </label>
          {shownUnits.map((unit) => (
            <label key={unit}>
              <input
                type="checkbox"
                checked={chosenUnits.includes(unit)}
                onChange={(event) =>
                  setUnitChoice(
                    event.target.checked
                      ? [...chosenUnits, unit]
                      : chosenUnits.filter((candidate) => candidate !== unit),
                  )
                }
              />{' '}
              {unit}
            </label>
          ))}
        </fieldset>
      )}
      {loadFailures.map((message) => (
        <div key={message} className="banner error" role="alert">
          <p>A data set could not be loaded: {message}</p>
        </div>
      ))}
      {problems.length === 0 ? null : (
        <div className="banner error" role="alert">
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {breakdown.note === null ? null : (
        <p className="kpi-note" role="note">
          {breakdown.note} The minimum group size of this data set is {minGroupSize}.
        </p>
      )}
      {breakdown.unknown.length === 0 ? null : (
        <p className="kpi-note" role="note">
          The size of {breakdown.unknown.join(', ')} is not known, so the minimum group size of {minGroupSize}{' '}
          could not be checked for {breakdown.unknown.length === 1 ? 'it' : 'them'}: give the unit sizes
          below.
        </p>
      )}
      {loading && chartLines.length === 0 ? (
        <p className="muted">Loading…</p>
      ) : chartLines.length === 0 ? (
        <p className="muted">No values to chart: choose a unit, or widen the date range.</p>
      ) : (
        <KpiChart
          title={title}
          yLabel={yLabel}
          period={period}
          lines={chartLines}
          markers={markers}
          fileName={`${source?.name ?? 'KPI'} ${kpi ?? ''} by ${period}`}
        />
      )}
      <div className="view-actions kpi-exports">
        <button
          type="button"
          onClick={() => void exportCsv()}
          disabled={chartLines.length === 0}
          aria-label={`Export ${title} as CSV`}
        >
          Export CSV
        </button>
        <span className="muted small">
          {realNames
            ? 'The file holds people’s ids as imported.'
            : 'The file holds figures per unit and no person’s name; hidden units are left out.'}
        </span>
        {exportProblem === undefined ? null : (
          <span className="form-error small" role="alert">
            {exportProblem}
          </span>
        )}
      </div>
      <section className="panel kpi-panel" aria-labelledby={`${base}-before-after`}>
        <h2 id={`${base}-before-after`} className="panel-title">
          Before and after an initiative
        </h2>
        {kpi === undefined ? null : (
          <BeforeAfterTable
            kpi={definition}
            period={period}
            lines={chartLines}
            markers={markers}
            chosen={markerChoice}
            onChoose={setMarkerChoice}
          />
        )}
      </section>
      <div className="kpi-lower">
        <section className="panel kpi-panel" aria-labelledby={`${base}-calculator`}>
          <h2 id={`${base}-calculator`} className="panel-title">
            Calculator
          </h2>
          <KpiCalculator />
        </section>
        <details className="panel kpi-panel kpi-sizes-panel" open={breakdown.unknown.length > 0 || undefined}>
          <summary>Unit sizes (for the minimum group size)</summary>
          {/* Not keyed by the data set's updatedAt: its own save must not reset the form and its "Saved." */}
          <UnitSizesForm
            key={`${kpiSummary?.id ?? ''} ${everyUnit.join('|')}`}
            units={everyUnit}
            sizes={sized.sizes}
            fromFile={fromFile}
            minGroupSize={minGroupSize}
            onSave={saveSizes}
            cannotSave={
              kpiSummary === undefined
                ? 'Unit sizes are saved with a KPI series: import one to keep them.'
                : undefined
            }
          />
        </details>
      </div>
    </div>
  );
}
