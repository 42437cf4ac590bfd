import { useEffect, useId, useMemo, useState } from 'react';
import type { MeasureDataset, MeasureDatasetId } from '../../../../electron/api/contract';
import { call } from '../../api';
import { TabList, tabId, tabPanelId } from '../../components/TabList';
import { appVersion } from '../../conjoint/app-version';
import { errorText } from '../../conjoint/format';
import { downloadText } from '../../dynamics/download';
import type { MeasureTabProps } from '../tab-props';
import { useDataset } from '../use-dataset';
import { AbPanel } from './AbPanel';
import {
  defaultAbChoices,
  defaultDidChoices,
  profileColumns,
  sameSettings,
  settingsOf,
  unkeptChoices,
  type AbChoices,
  type DidChoices,
} from './compare-choices';
import { abCsv, abJson, didCsv, didJson, tableSha256, type CompareStamp } from './compare-export';
import { runAb, runDid } from './compare-run';
import {
  comparableDatasets,
  comparisonTable,
  savedComparison,
  settingsWithComparison,
  type ComparisonTable,
} from './compare-source';
import { DidPanel } from './DidPanel';
import './compare.css';

const COMPARISONS = [
  { id: 'ab', label: 'A/B test' },
  { id: 'did', label: 'Difference in differences' },
] as const;
type ComparisonId = (typeof COMPARISONS)[number]['id'];

/**
 * The Compare tab of the Measure section (issue 10, point 3): an A/B test of two variants on a proportion or a
 * mean with a sample-size calculator, and a difference in differences (treated/control × before/after) with
 * classical, HC1 or clustered errors and a chart, on an experiment data set or a survey's scored subscales.
 * Computed in the page with model/measure, the engine of `compare ab|did`, so both give the same numbers.
 */
export function CompareTab({ datasets, onDatasetChanged }: MeasureTabProps) {
  const pickId = useId();
  const sources = comparableDatasets(datasets);
  const [chosenId, setChosenId] = useState<MeasureDatasetId | undefined>();
  const summary =
    sources.find((dataset) => dataset.id === chosenId) ??
    sources.find((dataset) => dataset.kind === 'experiment') ??
    sources[0];
  const { opened: current, keep } = useDataset(summary?.id);

  if (summary === undefined)
    return (
      <div className="measure-compare">
        <div className="empty-state" data-testid="no-comparable">
          <h3>Nothing to compare yet</h3>
          <p>
            Import an experiment (a table with a variant or treated column, perhaps a before/after column, and
            an outcome) or a survey, whose scored subscales can be compared.
          </p>
        </div>
      </div>
    );
  return (
    <div className="measure-compare">
      <div className="compare-source">
        <div className="field">
          <label htmlFor={pickId}>Data</label>
          <select
            id={pickId}
            value={summary.id}
            onChange={(event) => setChosenId(event.target.value as MeasureDatasetId)}
          >
            {sources.map((dataset) => (
              <option key={dataset.id} value={dataset.id}>
                {dataset.name} ({dataset.kind === 'survey' ? 'survey scores' : 'experiment'})
              </option>
            ))}
          </select>
        </div>
      </div>
      {current === undefined ? (
        <p className="muted">Loading the data set…</p>
      ) : 'error' in current ? (
        <div className="banner error" role="alert">
          <p>{current.error}</p>
        </div>
      ) : (
        <CompareWorkbench
          key={current.dataset.id}
          dataset={current.dataset}
          onSaved={(dataset) => {
            keep(dataset);
            onDatasetChanged(dataset);
          }}
        />
      )}
    </div>
  );
}

function CompareWorkbench({
  dataset,
  onSaved,
}: {
  readonly dataset: MeasureDataset;
  readonly onSaved: (dataset: MeasureDataset) => void;
}) {
  const source = useMemo(() => comparisonTable(dataset), [dataset]);
  if (!source.ok)
    return (
      <div className="banner error" role="alert">
        <p>
          “{dataset.name}” cannot be compared: {source.error.replace(/\.$/, '')}.
        </p>
      </div>
    );
  return <Comparisons dataset={dataset} source={source.value} onSaved={onSaved} />;
}

function Comparisons({
  dataset,
  source,
  onSaved,
}: {
  readonly dataset: MeasureDataset;
  readonly source: ComparisonTable;
  readonly onSaved: (dataset: MeasureDataset) => void;
}) {
  const base = useId();
  const experiment = dataset.kind === 'experiment';
  const saved = savedComparison(dataset);
  const { table, scoreColumns } = source;
  const profiles = useMemo(() => profileColumns(table), [table]);
  // A survey's `row` is the spreadsheet row and `<subscale>_missing` a count of skipped items, not measures.
  const hidden = useMemo(
    () => (experiment ? [] : ['row', ...scoreColumns.map((column) => column.replace(/_mean$/, '_missing'))]),
    [experiment, scoreColumns],
  );
  const usable = useMemo(
    () => profiles.filter((profile) => !hidden.includes(profile.name)),
    [profiles, hidden],
  );
  const [comparison, setComparison] = useState<ComparisonId>(
    () => saved?.comparison ?? (experiment ? 'ab' : 'did'),
  );
  const [ab, setAb] = useState<AbChoices | null>(() =>
    defaultAbChoices(usable, scoreColumns, saved?.comparison === 'ab' ? saved : null),
  );
  const [did, setDid] = useState<DidChoices | null>(() =>
    defaultDidChoices(usable, scoreColumns, saved?.comparison === 'did' ? saved : null, table.rows.length),
  );
  const [touched, setTouched] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const minGroupSize = dataset.privacy.minGroupSize;

  const abRun = useMemo(
    () => (ab === null ? null : runAb(table, ab, minGroupSize)),
    [table, ab, minGroupSize],
  );
  const didRun = useMemo(
    () => (did === null ? null : runDid(table, did, minGroupSize)),
    [table, did, minGroupSize],
  );

  // Keep the last comparison (its columns) once the user has changed something.
  const next = settingsOf(comparison, ab, did);
  // Saved choices the table no longer allows (a subscale gone from the scoring) are said once, not refused.
  const [unkept] = useState(() => unkeptChoices(saved, next));
  const settingsKey = JSON.stringify(next);
  useEffect(() => {
    if (!touched || sameSettings(saved, next)) return;
    let live = true;
    const settings = settingsWithComparison(source, next);
    call('measure.updateSettings', { id: dataset.id, settings }).then(
      (updated) => {
        if (!live) return;
        setSaveProblem(null);
        onSaved(updated);
      },
      (error: unknown) => {
        if (live) setSaveProblem(`The choices could not be saved: ${errorText(error)}`);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saved when the choices (settingsKey) change
  }, [settingsKey, touched]);

  const stampOf = async (): Promise<CompareStamp> => ({
    dataset: dataset.name,
    fileName: dataset.fileName,
    source: experiment ? 'experiment' : 'survey scores',
    tableSha256: await tableSha256(table),
    realNames: !dataset.privacy.pseudonymized,
    minGroupSize,
    appVersion: await appVersion(),
    exportedAt: new Date().toISOString(),
  });
  const exportAb = async (format: 'csv' | 'json') => {
    if (ab === null || abRun?.status !== 'done') return;
    try {
      const stamp = await stampOf();
      const stem = `${dataset.name} A-B ${ab.outcome} by ${ab.group}`;
      if (format === 'json')
        downloadText(`${stem}.json`, 'application/json', abJson(abRun.result, ab, stamp));
      else downloadText(`${stem}.csv`, 'text/csv', abCsv(abRun.result, ab, stamp));
    } catch (error) {
      setExportProblem(`The export failed: ${errorText(error)}`);
    }
  };
  const exportDid = async (format: 'csv' | 'json') => {
    if (did === null || didRun?.status !== 'done') return;
    try {
      const stamp = await stampOf();
      const stem = `${dataset.name} DiD ${did.outcome} by ${did.group} and ${did.period}`;
      if (format === 'json')
        downloadText(`${stem}.json`, 'application/json', didJson(didRun.result, did, stamp));
      else downloadText(`${stem}.csv`, 'text/csv', didCsv(didRun.result, did, stamp));
    } catch (error) {
      setExportProblem(`The export failed: ${errorText(error)}`);
    }
  };

  return (
    <>
      <p className="muted small compare-origin">
        {source.origin}{' '}
        {dataset.privacy.pseudonymized ? 'Its people are pseudonymized.' : 'It holds real ids or names.'}{' '}
        Groups of fewer than {minGroupSize} rows (the data set’s minimum group size, in its people-data
        settings) are not compared: each group’s rate or mean would single out the few people in it.
      </p>
      {touched || unkept.length === 0 ? null : (
        <p className="compare-unkept" role="status">
          Some saved choices no longer fit {experiment ? 'the table' : 'the scores'} and are back to their
          defaults: {unkept.join(', ')}.
        </p>
      )}
      {saveProblem === null ? null : (
        <p className="form-error" role="alert">
          {saveProblem}
        </p>
      )}
      {exportProblem === null ? null : (
        <p className="form-error" role="alert">
          {exportProblem}
        </p>
      )}
      <TabList
        base={base}
        label="Comparisons"
        tabs={COMPARISONS}
        active={comparison}
        onSelect={(id) => {
          setComparison(id);
          setTouched(true);
        }}
      />
      <div
        id={tabPanelId(base)}
        role="tabpanel"
        aria-labelledby={tabId(base, comparison)}
        className="compare-panel"
      >
        {comparison === 'ab' ? (
          <AbPanel
            profiles={usable}
            choices={ab}
            run={abRun}
            onChange={(choices) => {
              setAb(choices);
              setTouched(true);
            }}
            onExport={(format) => void exportAb(format)}
          />
        ) : (
          <DidPanel
            profiles={usable}
            hiddenOutcomes={hidden}
            choices={did}
            run={didRun}
            onChange={(choices) => {
              setDid(choices);
              setTouched(true);
            }}
            onExport={(format) => void exportDid(format)}
          />
        )}
      </div>
    </>
  );
}
