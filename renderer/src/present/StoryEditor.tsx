import { useEffect, useState } from 'react';
import { readXmile, type Variable } from '../../../model/sd';
import type {
  ConjointStudySummary,
  ModelId,
  ModelSummary,
  NetworkSummary,
  ProjectId,
  Scenario,
  SroiAnalysisSummary,
  StoryPage,
  StoryPageKind,
} from '../../../electron/api/contract';
import { call } from '../api';
import { NetworkPageFields, SimulatorPageFields } from './StoryEditorFields';

const KIND_LABELS: Readonly<Record<StoryPageKind, string>> = {
  'dynamics-chart': 'Dynamics chart with sliders',
  'loop-dominance': 'Loop dominance',
  'network-view': 'Network graph',
  'conjoint-simulator': 'Conjoint market simulator',
  'sroi-headline': 'SROI headline',
  text: 'Text',
};

/** Why a kind cannot be added yet: the project has nothing it could show. */
const MISSING: Readonly<Record<StoryPageKind, string>> = {
  'dynamics-chart': 'The project has no model yet.',
  'loop-dominance': 'The project has no model yet.',
  'network-view': 'The project has no network yet.',
  'conjoint-simulator': 'The project has no conjoint study yet.',
  'sroi-headline': 'The project has no SROI analysis yet.',
  text: '',
};

/** A constant the what-if can move: an auxiliary whose equation is a plain number (as the engine's parameters). */
const isConstant = (variable: Variable): boolean =>
  variable.kind === 'aux' && variable.eqn.trim() !== '' && Number.isFinite(Number(variable.eqn));

/** What a dynamics-chart page can choose from in one model. */
interface ModelChoices {
  readonly scenarios: readonly Scenario[];
  readonly variables: readonly string[];
  readonly levers: readonly string[];
}

function useModelChoices(modelId: ModelId | undefined): ModelChoices | undefined {
  const [choices, setChoices] = useState<ModelChoices | undefined>();
  useEffect(() => {
    if (modelId === undefined) return;
    let live = true;
    void Promise.all([call('models.get', { id: modelId }), call('scenarios.list', { modelId })]).then(
      ([record, scenarios]) => {
        const read = readXmile(record.xmile, record.name);
        const variables = read.ok ? read.value.variables.filter((variable) => variable.kind !== 'gf') : [];
        if (live)
          setChoices({
            scenarios,
            variables: variables.map((variable) => variable.name),
            levers: variables.filter(isConstant).map((variable) => variable.name),
          });
      },
      () => {
        if (live) setChoices({ scenarios: [], variables: [], levers: [] });
      },
    );
    return () => {
      live = false;
    };
  }, [modelId]);
  return choices;
}

const selected = (select: HTMLSelectElement): string[] =>
  [...select.selectedOptions].map((option) => option.value);

/** A page naming a model and its starting scenario: a chart with sliders, or the loop-dominance chart. */
function ChartPageFields({
  page,
  models,
  onChange,
}: {
  readonly page: Extract<StoryPage, { kind: 'dynamics-chart' | 'loop-dominance' }>;
  readonly models: readonly ModelSummary[];
  readonly onChange: (page: StoryPage) => void;
}) {
  const choices = useModelChoices(page.modelId);
  return (
    <>
      <label>
        Model
        <select
          value={page.modelId}
          onChange={(event) => {
            // Another model: the scenario, variables and levers named the old one's.
            const { scenarioId: _dropped, ...rest } = page;
            const modelId = event.target.value as ModelId;
            onChange(
              rest.kind === 'dynamics-chart'
                ? { ...rest, modelId, variables: [], levers: [] }
                : { ...rest, modelId },
            );
          }}
        >
          {models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Starting scenario
        <select
          value={page.scenarioId ?? ''}
          onChange={(event) => {
            const { scenarioId: _dropped, ...rest } = page;
            const chosen = choices?.scenarios.find((scenario) => scenario.id === event.target.value);
            onChange(chosen === undefined ? rest : { ...rest, scenarioId: chosen.id });
          }}
        >
          <option value="">The model’s own values</option>
          {choices?.scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.name}
            </option>
          ))}
        </select>
      </label>
      {page.kind === 'dynamics-chart' ? (
        <LeverFields page={page} choices={choices} onChange={onChange} />
      ) : null}
    </>
  );
}

function LeverFields({
  page,
  choices,
  onChange,
}: {
  readonly page: Extract<StoryPage, { kind: 'dynamics-chart' }>;
  readonly choices: ModelChoices | undefined;
  readonly onChange: (page: StoryPage) => void;
}) {
  return (
    <>
      <label>
        Variables on the chart
        <select
          multiple
          size={6}
          value={[...page.variables]}
          onChange={(event) => onChange({ ...page, variables: selected(event.target) })}
        >
          {choices?.variables.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Levers (sliders)
        <select
          multiple
          size={6}
          value={[...page.levers]}
          onChange={(event) => onChange({ ...page, levers: selected(event.target) })}
        >
          {choices?.levers.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/**
 * The pages of a story, each a small form: the live view it shows (a model, scenario, variables and levers; a
 * network, wave and colouring; a conjoint study; an SROI analysis) or its text, a title and a note, and buttons
 * to move it up or down or delete it.
 */
export function StoryEditor({
  projectId,
  pages,
  onChange,
}: {
  readonly projectId: ProjectId;
  readonly pages: readonly StoryPage[];
  readonly onChange: (pages: readonly StoryPage[]) => void;
}) {
  const [models, setModels] = useState<readonly ModelSummary[]>([]);
  const [analyses, setAnalyses] = useState<readonly SroiAnalysisSummary[]>([]);
  const [networks, setNetworks] = useState<readonly NetworkSummary[]>([]);
  const [studies, setStudies] = useState<readonly ConjointStudySummary[]>([]);
  const [adding, setAdding] = useState<StoryPageKind>('dynamics-chart');
  useEffect(() => {
    void call('models.list', { projectId }).then(setModels, () => setModels([]));
    void call('sroi.list', { projectId }).then(setAnalyses, () => setAnalyses([]));
    void call('network.list', { projectId }).then(setNetworks, () => setNetworks([]));
    void call('conjoint.list', { projectId }).then(setStudies, () => setStudies([]));
  }, [projectId]);

  const replace = (index: number, page: StoryPage) =>
    onChange(pages.map((candidate, at) => (at === index ? page : candidate)));
  const move = (index: number, by: number) => {
    const next = [...pages];
    const [page] = next.splice(index, 1);
    if (page !== undefined) next.splice(index + by, 0, page);
    onChange(next);
  };

  const firstModel = models[0];
  const firstAnalysis = analyses.find((analysis) => analysis.problem === undefined);
  const firstNetwork = networks[0];
  // A study that can simulate (one with an estimate) first.
  const firstStudy = studies.find((study) => study.estimated.length > 0) ?? studies[0];
  const blank = (kind: StoryPageKind): StoryPage | undefined => {
    switch (kind) {
      case 'text':
        return { kind, title: '', body: '' };
      case 'dynamics-chart':
        return firstModel && { kind, modelId: firstModel.id, variables: [], levers: [], title: '', note: '' };
      case 'loop-dominance':
        return firstModel && { kind, modelId: firstModel.id, title: '', note: '' };
      case 'network-view':
        return firstNetwork && { kind, networkId: firstNetwork.id, colorBy: 'team', title: '', note: '' };
      case 'conjoint-simulator':
        return firstStudy && { kind, studyId: firstStudy.id, title: '', note: '' };
      case 'sroi-headline':
        return firstAnalysis && { kind, analysisId: firstAnalysis.id, title: '', note: '' };
    }
  };
  const newPage = blank(adding);

  return (
    <div className="story-editor">
      {pages.length === 0 ? <p className="muted">No pages yet: add the first below.</p> : null}
      <ol className="story-pages">
        {pages.map((page, index) => (
          <li key={index} className="story-page-form" aria-label={`Page ${index + 1}`}>
            <div className="story-page-form-head">
              <strong>
                {index + 1}. {KIND_LABELS[page.kind]}
              </strong>
              <span className="story-page-form-actions">
                <button type="button" onClick={() => move(index, -1)} disabled={index === 0}>
                  Up
                </button>
                <button type="button" onClick={() => move(index, 1)} disabled={index === pages.length - 1}>
                  Down
                </button>
                <button type="button" onClick={() => onChange(pages.filter((_, at) => at !== index))}>
                  Delete page
                </button>
              </span>
            </div>
            <label>
              Title
              <input
                value={page.title}
                onChange={(event) => replace(index, { ...page, title: event.target.value })}
              />
            </label>
            {page.kind === 'dynamics-chart' || page.kind === 'loop-dominance' ? (
              <ChartPageFields page={page} models={models} onChange={(next) => replace(index, next)} />
            ) : page.kind === 'network-view' ? (
              <NetworkPageFields page={page} networks={networks} onChange={(next) => replace(index, next)} />
            ) : page.kind === 'conjoint-simulator' ? (
              <SimulatorPageFields page={page} studies={studies} onChange={(next) => replace(index, next)} />
            ) : page.kind === 'sroi-headline' ? (
              <label>
                SROI analysis
                <select
                  value={page.analysisId}
                  onChange={(event) =>
                    replace(index, { ...page, analysisId: event.target.value as typeof page.analysisId })
                  }
                >
                  {analyses.map((analysis) => (
                    <option key={analysis.id} value={analysis.id}>
                      {analysis.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {page.kind === 'text' ? (
              <label>
                Text
                <textarea
                  rows={4}
                  value={page.body}
                  onChange={(event) => replace(index, { ...page, body: event.target.value })}
                />
              </label>
            ) : (
              <label>
                Note
                <textarea
                  rows={2}
                  value={page.note}
                  onChange={(event) => replace(index, { ...page, note: event.target.value })}
                />
              </label>
            )}
          </li>
        ))}
      </ol>
      <div className="story-add">
        <label>
          New page
          <select value={adding} onChange={(event) => setAdding(event.target.value as StoryPageKind)}>
            {Object.entries(KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={newPage === undefined}
          onClick={() => newPage !== undefined && onChange([...pages, newPage])}
        >
          Add page
        </button>
        {newPage === undefined ? <span className="muted small">{MISSING[adding]}</span> : null}
      </div>
    </div>
  );
}
