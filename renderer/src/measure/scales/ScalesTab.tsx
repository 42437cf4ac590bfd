import { useId, useState } from 'react';
import type {
  MeasureDataset,
  MeasureDatasetId,
  MeasurePrivacy,
  SurveySettings,
} from '../../../../electron/api/contract';
import type { MeasureTabProps } from '../tab-props';
import { useDataset } from '../use-dataset';
import { ColumnSettings } from './ColumnSettings';
import { ReliabilityTables } from './ReliabilityTables';
import { RespondentScores } from './RespondentScores';
import { ScaleChooser } from './ScaleChooser';
import { ScalesExport } from './ScalesExport';
import './scales.css';
import { PROBLEMS_EXPLAINED, scoredWords } from './scales-words';
import { TeamFigures } from './TeamFigures';
import type { SurveyAnalysis } from './survey-analysis';
import {
  defaultSurveySettings,
  draftCustomSpec,
  labelColumnsOf,
  specOf,
  suggestScale,
} from './survey-settings';
import { useSurveyAnalysis } from './use-survey-analysis';
import { useSurveySettings } from './use-survey-settings';
import type { SaveState } from '../../app/save-queue';

/** Cells listed on screen at most; the count says how many more. */
const LISTED_PROBLEMS = 50;

/**
 * The Scales tab of the Measure section (issue 10, point 1; people data by issue 11): a survey data set scored
 * with the IRI, the QMEE or a custom key, its subscales' reliability, team (and wave) figures with small groups
 * hidden, per-person scores only with consent, and stamped exports. The scoring runs in the page with
 * model/measure, as the CLI's `scale score` does; the settings are saved to the data set.
 */
export function ScalesTab({ datasets, onDatasetChanged }: MeasureTabProps) {
  const pickId = useId();
  const surveys = datasets.filter((dataset) => dataset.kind === 'survey');
  const [chosenId, setChosenId] = useState<MeasureDatasetId | undefined>();
  const summary = surveys.find((dataset) => dataset.id === chosenId) ?? surveys[0];
  const { opened: current } = useDataset(summary?.id);

  if (summary === undefined)
    return (
      <div className="scales-tab">
        <p className="muted" data-testid="no-surveys">
          No survey in this project yet. Import a survey (a CSV file with one row per respondent and a column
          per questionnaire item) to score it here.
        </p>
      </div>
    );

  return (
    <div className="scales-tab">
      <div className="field-row">
        <label htmlFor={pickId}>Survey</label>
        <select
          id={pickId}
          value={summary.id}
          onChange={(event) => setChosenId(event.target.value as MeasureDatasetId)}
        >
          {surveys.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {dataset.name} ({dataset.rowCount} respondents)
            </option>
          ))}
        </select>
      </div>
      {current === undefined ? (
        <p className="muted">Opening “{summary.name}”…</p>
      ) : 'error' in current ? (
        <p className="form-error" role="alert">
          {current.error}
        </p>
      ) : (
        <SurveyWorkbench
          key={current.dataset.id}
          dataset={current.dataset}
          privacy={summary.privacy}
          onDatasetChanged={onDatasetChanged}
        />
      )}
    </div>
  );
}

function initialSettings(dataset: MeasureDataset): SurveySettings {
  if (dataset.settings?.kind === 'survey') return dataset.settings;
  const suggested = suggestScale(dataset.table);
  if (suggested !== null) return defaultSurveySettings(dataset, suggested);
  const defaults = defaultSurveySettings(dataset, 'custom');
  return {
    ...defaults,
    customSpec: draftCustomSpec(dataset.table, labelColumnsOf(defaults, dataset.columns)),
  };
}

function SurveyWorkbench({
  dataset,
  privacy,
  onDatasetChanged,
}: {
  readonly dataset: MeasureDataset;
  /** From the shell's list, so a change made on the people-data panel applies here at once. */
  readonly privacy: MeasurePrivacy;
  readonly onDatasetChanged: (dataset: MeasureDataset) => void;
}) {
  const ids = { scale: useId(), columns: useId(), reliability: useId(), teams: useId(), people: useId() };
  const [initial] = useState(() => initialSettings(dataset));
  const { settings, change, save } = useSurveySettings(
    dataset.id,
    dataset.name,
    initial,
    dataset.settings?.kind !== 'survey',
    onDatasetChanged,
  );
  const { minGroupSize } = privacy;
  const { analysis, updating } = useSurveyAnalysis(dataset.table, settings, minGroupSize);
  const spec = specOf(settings);
  // Items can be mapped to columns before the key is complete (QMEE's reverse key not ticked yet).
  const keyForItems =
    spec === null
      ? null
      : {
          ...spec,
          reverse: spec.reverse ?? [],
          maxMissingShare: settings.maxMissingShare ?? spec.maxMissingShare,
        };

  return (
    <div className="scales-workbench">
      <section className="scales-panel" aria-labelledby={ids.scale}>
        <h3 id={ids.scale}>Scale and key</h3>
        <ScaleChooser settings={settings} table={dataset.table} onChange={change} />
      </section>
      <section className="scales-panel" aria-labelledby={ids.columns}>
        <h3 id={ids.columns}>Columns and unanswered items</h3>
        <ColumnSettings
          settings={settings}
          table={dataset.table}
          keyForItems={keyForItems}
          onChange={change}
        />
        <SaveLine save={save} />
      </section>
      {analysis === undefined ? (
        <p className="muted" aria-live="polite">
          Scoring the survey…
        </p>
      ) : !analysis.ok ? (
        <p className="form-error" role="alert" data-testid="scales-error">
          {analysis.error}
        </p>
      ) : (
        <Results
          analysis={analysis.value}
          updating={updating}
          dataset={dataset}
          privacy={privacy}
          ids={{ reliability: ids.reliability, teams: ids.teams, people: ids.people }}
        />
      )}
    </div>
  );
}

function SaveLine({ save }: { readonly save: SaveState }) {
  if (save.status === 'failed')
    return (
      <p className="form-error" role="alert">
        {save.message}
      </p>
    );
  return (
    <p className="muted small save-line" aria-live="polite" data-testid="scales-save-state">
      {save.status === 'pending' ? 'Saving the settings…' : 'Settings saved with the data set.'}
    </p>
  );
}

function Results({
  analysis,
  updating,
  dataset,
  privacy,
  ids,
}: {
  readonly analysis: SurveyAnalysis;
  /** A newer analysis is being computed: these results are of the settings before the last change. */
  readonly updating: boolean;
  readonly dataset: MeasureDataset;
  readonly privacy: MeasurePrivacy;
  readonly ids: { readonly reliability: string; readonly teams: string; readonly people: string };
}) {
  const { respondents } = analysis.survey;
  const fullyScored = respondents.filter((respondent) =>
    Object.values(respondent.scores).every((score) => score.mean !== null),
  ).length;
  return (
    <>
      <p data-testid="scored-summary" aria-busy={updating}>
        {analysis.key.name}: {scoredWords(respondents.length, fullyScored)}
        {updating ? <span className="muted small"> Updating to the last change…</span> : null}
      </p>
      {analysis.problems.length > 0 ? (
        <section className="scales-panel unreadable" aria-label="Answers that could not be read">
          <h3>Answers that could not be read ({analysis.problems.length}, counted as unanswered)</h3>
          <p className="muted small">{PROBLEMS_EXPLAINED}</p>
          <ul data-testid="scales-unreadable">
            {analysis.problems.slice(0, LISTED_PROBLEMS).map((problem) => (
              <li key={`${problem.row}-${problem.column}`}>
                {dataset.fileName} {problem.message}
              </li>
            ))}
          </ul>
          {analysis.problems.length > LISTED_PROBLEMS ? (
            <p className="muted small">and {analysis.problems.length - LISTED_PROBLEMS} more.</p>
          ) : null}
        </section>
      ) : null}
      <section className="scales-panel" aria-labelledby={ids.reliability}>
        <h3 id={ids.reliability}>Reliability</h3>
        <ReliabilityTables keyUsed={analysis.key} reliability={analysis.reliability} />
      </section>
      <section className="scales-panel" aria-labelledby={ids.teams}>
        <h3 id={ids.teams}>Teams{analysis.waves.length > 0 ? ' and waves' : ''}</h3>
        <p className="muted small">
          Groups of fewer than {privacy.minGroupSize} people are not shown (the data set’s minimum group
          size), so no one in them can be singled out.
        </p>
        <TeamFigures analysis={analysis} minGroupSize={privacy.minGroupSize} />
      </section>
      <section className="scales-panel" aria-labelledby={ids.people}>
        <h3 id={ids.people}>Per person</h3>
        <RespondentScores analysis={analysis} consent={privacy.individualConsent} />
      </section>
      <section className="scales-panel" aria-label="Export">
        <h3>Export</h3>
        <ScalesExport dataset={dataset} privacy={privacy} analysis={analysis} disabled={updating} />
      </section>
    </>
  );
}
