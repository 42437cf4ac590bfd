import { useCallback, useEffect, useId, useState } from 'react';
import type { ParameterInfo } from '../../../../model/sd';
import { linkedValue, type LinkableFigure } from '../../../../model/schema/figure';
import type {
  ModelId,
  ModelSummary,
  NetworkDocument,
  Scenario,
  ScenarioId,
  ScenarioLink,
} from '../../../../electron/api/contract';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatValue } from '../../dynamics/charts/number-format';
import { figureKey } from '../../dynamics/scenarios/scenario-links';
import { LinkForm } from '../../dynamics/scenarios/ScenarioLinks';
import '../import/network-io.css';
import { modelConstants } from './model-constants';
import { defaultFigure, figuresOfNetwork, LATEST_PREFIX } from './network-figures';

/** The key under which the Dynamics view remembers the model it shows (renderer/src/dynamics/DynamicsView.tsx). */
const dynamicsModelKey = (projectId: string): string => `empathy-workbench.model.${projectId}`;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Opens the Dynamics view on a model, where its Scenarios panel applies the bound scenario. */
function openDynamics(projectId: string, modelId: ModelId): void {
  localStorage.setItem(dynamicsModelKey(projectId), modelId);
  window.location.hash = '#/dynamics';
}

type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly value: T };

type ForModel<T> = Loaded<T> & { readonly modelId: ModelId };

/**
 * "Use in a model" (issue 6, point 6): this network's whole-graph figures with their current values, and the
 * binding of one to a constant of a Dynamics model in a saved scenario. The scenario records the link (network,
 * figure key) and takes the figure's value each time it is applied; bound to `latest.<figure>`, it follows a new
 * wave, and the Dynamics view re-applies it when the figure changes (renderer/src/dynamics/scenarios).
 */
export function NetworkLinkPanel({ network }: { readonly network: NetworkDocument }) {
  const titleId = useId();
  const [figures, setFigures] = useState<Loaded<readonly LinkableFigure[]>>({ status: 'loading' });
  const [models, setModels] = useState<Loaded<readonly ModelSummary[]>>({ status: 'loading' });
  const [modelId, setModelId] = useState<ModelId | undefined>();
  // Each answer is kept with the model it is for, so a change of model shows "loading" until its own arrives.
  const [scenarioAnswer, setScenarios] = useState<ForModel<readonly Scenario[]> | undefined>();
  const [constantAnswer, setConstants] = useState<ForModel<readonly ParameterInfo[]> | undefined>();
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | undefined>();
  const [scenarioId, setScenarioId] = useState<ScenarioId | undefined>();
  const [linking, setLinking] = useState(false);
  const ids = { model: useId(), scenario: useId() };
  const lastWave = network.waves.at(-1);

  useEffect(() => {
    let current = true;
    call('links.figures', { projectId: network.projectId }).then(
      (all) => current && setFigures({ status: 'ready', value: figuresOfNetwork(all, network.id) }),
      (error: unknown) => current && setFigures({ status: 'failed', message: errorText(error) }),
    );
    call('models.list', { projectId: network.projectId }).then(
      (list) => current && setModels({ status: 'ready', value: list }),
      (error: unknown) => current && setModels({ status: 'failed', message: errorText(error) }),
    );
    return () => {
      current = false;
    };
    // A new wave (or a renamed one) changes the figures: the saved version and the last wave say when.
  }, [network.projectId, network.id, network.updatedAt, lastWave?.id, lastWave?.updatedAt]);

  const modelList = models.status === 'ready' ? models.value : [];
  const model =
    modelList.find((candidate) => candidate.id === modelId) ??
    modelList.find(
      (candidate) => candidate.id === localStorage.getItem(dynamicsModelKey(network.projectId)),
    ) ??
    modelList[0];

  const loadScenarios = useCallback(async (id: ModelId) => {
    try {
      setScenarios({ modelId: id, status: 'ready', value: await call('scenarios.list', { modelId: id }) });
    } catch (error) {
      setScenarios({ modelId: id, status: 'failed', message: errorText(error) });
    }
  }, []);

  const chosenModelId = model?.id;
  useEffect(() => {
    if (chosenModelId === undefined) return;
    let current = true;
    // The scenarios live in the workspace; loading them when the model changes is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void loadScenarios(chosenModelId);
    call('models.get', { id: chosenModelId }).then(
      (record) => {
        if (!current) return;
        const reading = modelConstants(record.xmile, record.name);
        setConstants(
          reading.ok
            ? { modelId: chosenModelId, status: 'ready', value: reading.constants }
            : { modelId: chosenModelId, status: 'failed', message: reading.message },
        );
      },
      (error: unknown) =>
        current && setConstants({ modelId: chosenModelId, status: 'failed', message: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [chosenModelId, loadScenarios]);
  const forModel = <T,>(answer: ForModel<T> | undefined): Loaded<T> =>
    answer === undefined || answer.modelId !== chosenModelId ? { status: 'loading' } : answer;
  const scenarios = forModel(scenarioAnswer);
  const constants = forModel(constantAnswer);

  const networkFigures = figures.status === 'ready' ? figures.value : [];
  const latest = networkFigures.filter((figure) => figure.figure.startsWith(LATEST_PREFIX));
  const perWave = networkFigures.filter((figure) => !figure.figure.startsWith(LATEST_PREFIX));
  const scenarioList = scenarios.status === 'ready' ? scenarios.value : [];
  const scenario = scenarioList.find((candidate) => candidate.id === scenarioId) ?? scenarioList[0];
  // The link form starts on its first figure with a value: the latest reciprocity goes first.
  const first = defaultFigure(networkFigures);
  const offered =
    first === undefined ? networkFigures : [first, ...networkFigures.filter((figure) => figure !== first)];
  const bindings = scenarioList.flatMap((scenario) =>
    scenario.links
      .filter((link) => link.source.instrument === 'network' && link.source.documentId === network.id)
      .map((link) => ({ scenario, link })),
  );

  const bind = async (scenario: Scenario, link: ScenarioLink) => {
    setNotice(undefined);
    const others = scenario.links.filter((existing) => existing.variable !== link.variable);
    await call('scenarios.update', { id: scenario.id, links: [...others, link] });
    if (model !== undefined) await loadScenarios(model.id);
    const figure = networkFigures.find((candidate) => figureKey(candidate) === figureKey(link.source));
    setNotice({
      kind: 'info',
      text: `“${scenario.name}” now sets “${link.variable}” from ${link.source.figure}${
        figure?.value === null || figure === undefined
          ? ''
          : ` (now ${formatValue(linkedValue(figure.value, link))})`
      }. Open it in Dynamics and apply the scenario to run the model with it.`,
    });
  };

  return (
    <div className="network-io network-link">
      <section className="comparison-panel" aria-labelledby={titleId}>
        <h3 id={titleId}>Use “{network.name}” in a model</h3>
        <p className="small">
          A whole-network figure can set a constant of a Dynamics model, say the reciprocity of support ties
          as the leadership commitment to empathy. The link is saved with a scenario of the model: each time
          the scenario runs it takes the figure’s current value (scale × figure + offset). Bound to a{' '}
          <code>latest.</code> figure, it follows this network when a new wave is added
          {lastWave === undefined ? '' : ` (latest is now wave “${lastWave.wave}”)`}.
        </p>
        {figures.status === 'loading' ? <p className="muted small">Loading the figures…</p> : null}
        {figures.status === 'failed' ? <p className="form-error">{figures.message}</p> : null}
        {figures.status === 'ready' && networkFigures.length === 0 ? (
          <p className="muted small">This network has no wave yet, so it offers no figure.</p>
        ) : null}
        {latest.length > 0 ? <FigureTable caption="Latest wave" figures={latest} /> : null}
        {perWave.length > 0 ? (
          <details>
            <summary>Each wave’s figures ({perWave.length})</summary>
            <FigureTable caption="By wave" figures={perWave} />
          </details>
        ) : null}
      </section>

      <section className="comparison-panel" aria-label="Bind a figure to a model constant">
        <h3>Bind a figure to a model constant</h3>
        {models.status === 'failed' ? <p className="form-error">{models.message}</p> : null}
        {models.status === 'ready' && modelList.length === 0 ? (
          <p className="muted small">
            This project has no model yet: import one in the Dynamics view, then bind a figure here.
          </p>
        ) : null}
        {model !== undefined ? (
          <div className="form-grid bind-choice">
            <div className="field">
              <label htmlFor={ids.model}>Model</label>
              <select
                id={ids.model}
                value={model.id}
                onChange={(event) => setModelId(event.target.value as ModelId)}
              >
                {modelList.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.scenario}>Scenario</label>
              <select
                id={ids.scenario}
                value={scenario?.id ?? ''}
                disabled={scenarioList.length === 0}
                onChange={(event) => setScenarioId(event.target.value as ScenarioId)}
              >
                {scenarioList.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <button
                type="button"
                className="primary"
                disabled={
                  scenario === undefined || constants.status !== 'ready' || networkFigures.length === 0
                }
                onClick={() => setLinking(true)}
              >
                Link a constant…
              </button>
            </div>
          </div>
        ) : null}
        {scenarios.status === 'ready' && model !== undefined && scenarioList.length === 0 ? (
          <p className="muted small">
            “{model.name}” has no saved scenario: save one in the Dynamics view first.
          </p>
        ) : null}
        {scenarios.status === 'failed' ? <p className="form-error">{scenarios.message}</p> : null}
        {constants.status === 'failed' ? <p className="form-error">{constants.message}</p> : null}
        <Dialog
          title={`Link a constant of “${scenario?.name ?? ''}” to a figure`}
          open={linking}
          onClose={() => setLinking(false)}
        >
          {linking && scenario !== undefined ? (
            <LinkForm
              figures={offered}
              parameters={constants.status === 'ready' ? constants.value : []}
              onCancel={() => setLinking(false)}
              onSubmit={async (link) => {
                await bind(scenario, link);
                setLinking(false);
              }}
            />
          ) : null}
        </Dialog>
        {notice !== undefined ? (
          <p className={notice.kind === 'error' ? 'form-error' : 'small'} role="status">
            {notice.text}
          </p>
        ) : null}
        {bindings.length > 0 && model !== undefined ? (
          <>
            <h3>Scenarios of “{model.name}” bound to this network</h3>
            <div className="table-frame">
              <table className="data-table" aria-label="Bound scenarios">
                <thead>
                  <tr>
                    <th scope="col">Scenario</th>
                    <th scope="col">Constant</th>
                    <th scope="col">Figure</th>
                    <th scope="col" className="number">
                      Constant value now
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {bindings.map(({ scenario, link }) => {
                    const figure = networkFigures.find(
                      (candidate) => figureKey(candidate) === figureKey(link.source),
                    );
                    return (
                      <tr key={`${scenario.id} ${link.variable}`}>
                        <th scope="row">{scenario.name}</th>
                        <td>{link.variable}</td>
                        <td>
                          <code>{link.source.figure}</code>
                        </td>
                        <td className="number">
                          {figure?.value === null || figure === undefined
                            ? '—'
                            : formatValue(linkedValue(figure.value, link))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        {model !== undefined ? (
          <div className="dialog-actions">
            <button type="button" onClick={() => openDynamics(network.projectId, model.id)}>
              Open “{model.name}” in Dynamics
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function FigureTable({
  caption,
  figures,
}: {
  readonly caption: string;
  readonly figures: readonly LinkableFigure[];
}) {
  return (
    <div className="table-frame">
      <table className="data-table" aria-label={`${caption} figures`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Key</th>
            <th scope="col" className="number">
              Value
            </th>
            <th scope="col">Units</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => (
            <tr key={figure.figure} data-figure={figure.figure}>
              <th scope="row">{figure.label}</th>
              <td>
                <code>{figure.figure}</code>
              </td>
              <td className="number">{figure.value === null ? 'no value' : formatValue(figure.value)}</td>
              <td className="muted">{figure.units ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
