import { useId, useState, type FormEvent } from 'react';
import {
  QUANTITY_AGGREGATIONS,
  type QuantityAggregation,
  type QuantityLink,
  type SroiOutcome,
} from '../../../../model/sroi';
import { parseTypedNumber } from '../editor/cell-issues';
import { useSroi } from '../session/sroi-context';
import { AGGREGATION_LABELS, aggregationFor, linkableVariables, proposeLink } from './link-defaults';
import { useLinkableModel, useModelChoices } from './use-link-choices';

/** The choices made so far; what is not chosen yet is proposed (link-defaults.ts). */
type Draft = { [K in keyof QuantityLink]?: QuantityLink[K] | undefined };

interface LinkFormProps {
  readonly outcome: SroiOutcome;
  readonly onSave: (link: QuantityLink) => void;
  readonly onCancel: () => void;
}

/**
 * Binds an outcome's quantity to a model variable (the `quantityLink` fields of model/sroi/analysis.ts): a model
 * of the project, a scenario and the baseline it is measured against, the variable, how a year of it is
 * aggregated, and a scale (−1 turns "quits" into "quits avoided").
 */
export function LinkForm({ outcome, onSave, onCancel }: LinkFormProps) {
  const { linked } = useSroi();
  const models = useModelChoices(linked.source);
  const [draft, setDraft] = useState<Draft>(() => outcome.quantityLink ?? {});
  const [scaleText, setScaleText] = useState(() => String(outcome.quantityLink?.scale ?? 1));
  const [problem, setProblem] = useState<string | undefined>();
  const modelName = draft.model ?? (models.status === 'ready' ? models.value[0]?.name : undefined);
  const model = useLinkableModel(linked.source, modelName);
  const ids = {
    model: useId(),
    scenario: useId(),
    baseline: useId(),
    variable: useId(),
    aggregation: useId(),
    scale: useId(),
  };

  const ready = model.status === 'ready' ? model.value : undefined;
  const scenarios = ready?.scenarios.map((scenario) => scenario.name) ?? [];
  const variables = ready === undefined ? [] : linkableVariables(ready.info.variables);
  // Until a choice is made, the form proposes one (link-defaults.ts); a model change proposes again.
  const unitsOf = (name: string) =>
    ready?.document.variables.find((variable) => variable.name === name)?.units;
  const proposal =
    ready === undefined ? undefined : proposeLink(ready.name, scenarios, ready.info.variables, unitsOf);
  const value = <K extends keyof QuantityLink>(key: K): QuantityLink[K] | undefined =>
    draft[key] ?? proposal?.[key];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scale = parseTypedNumber(scaleText, false);
    if (!scale.ok) {
      setProblem(`Scale: ${scale.message}`);
      return;
    }
    const link = {
      model: value('model'),
      scenario: value('scenario'),
      baseline: value('baseline'),
      variable: value('variable'),
      aggregation: value('aggregation'),
    };
    if (
      link.model === undefined ||
      link.scenario === undefined ||
      link.baseline === undefined ||
      link.variable === undefined ||
      link.aggregation === undefined
    ) {
      setProblem('Choose a model, two scenarios and a variable.');
      return;
    }
    if (link.scenario === link.baseline) {
      setProblem('The scenario and the baseline are the same: the quantity would be zero every year.');
      return;
    }
    const { model: chosenModel, scenario, baseline, variable, aggregation } = link;
    onSave({
      model: chosenModel,
      scenario,
      baseline,
      variable,
      aggregation,
      ...(scale.value === 1 ? {} : { scale: scale.value }),
    });
  };

  /** The scenario or the baseline: one of the model's saved scenarios. */
  const scenarioField = (key: 'scenario' | 'baseline', label: string) => (
    <div className="field">
      <label htmlFor={ids[key]}>{label}</label>
      <select
        id={ids[key]}
        value={value(key) ?? ''}
        disabled={ready === undefined}
        onChange={(event) => setDraft({ ...draft, model: modelName, [key]: event.target.value })}
      >
        {scenarios.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="link-form"
      onSubmit={submit}
      aria-label={`Link the quantity of ${outcome.id}`}
      noValidate
    >
      <div className="field-grid">
        <div className="field">
          <label htmlFor={ids.model}>Model</label>
          <select
            id={ids.model}
            value={modelName ?? ''}
            onChange={(event) => setDraft({ model: event.target.value })}
          >
            {models.status === 'ready'
              ? models.value.map((candidate) => (
                  <option key={candidate.id} value={candidate.name}>
                    {candidate.name}
                  </option>
                ))
              : null}
          </select>
        </div>
        {scenarioField('scenario', 'Scenario')}
        {scenarioField('baseline', 'Baseline')}
        <div className="field">
          <label htmlFor={ids.variable}>Variable</label>
          <select
            id={ids.variable}
            value={value('variable') ?? ''}
            disabled={ready === undefined}
            onChange={(event) => {
              const chosen = variables.find((variable) => variable.name === event.target.value);
              setDraft({
                ...draft,
                model: modelName,
                variable: event.target.value,
                ...(chosen === undefined
                  ? {}
                  : { aggregation: aggregationFor(chosen.kind, unitsOf(chosen.name)) }),
              });
            }}
          >
            {variables.map((variable) => (
              <option key={variable.id} value={variable.name}>
                {variable.name} ({variable.kind === 'aux' ? 'auxiliary' : variable.kind})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.aggregation}>Aggregation</label>
          <select
            id={ids.aggregation}
            value={value('aggregation') ?? 'annual-mean'}
            onChange={(event) =>
              setDraft({ ...draft, model: modelName, aggregation: event.target.value as QuantityAggregation })
            }
          >
            {QUANTITY_AGGREGATIONS.map((aggregation) => (
              <option key={aggregation} value={aggregation}>
                {AGGREGATION_LABELS[aggregation]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.scale}>Scale</label>
          <input
            id={ids.scale}
            type="text"
            inputMode="decimal"
            value={scaleText}
            onChange={(event) => setScaleText(event.target.value)}
          />
          <span className="muted small">
            Multiplies scenario − baseline; −1 turns quits into quits avoided.
          </span>
        </div>
      </div>
      {model.status === 'loading' ? <p className="muted small">Loading the model…</p> : null}
      {model.status === 'failed' && modelName !== undefined ? (
        <p className="cell-issue">{model.message}</p>
      ) : null}
      {models.status === 'ready' && models.value.length === 0 ? (
        <p className="cell-issue">This project has no model yet: import one in Dynamics first.</p>
      ) : null}
      {problem === undefined ? null : (
        <p className="cell-issue" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={ready === undefined}>
          Save link
        </button>
      </div>
    </form>
  );
}
