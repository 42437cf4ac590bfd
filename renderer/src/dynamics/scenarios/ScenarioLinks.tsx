import { useId, useState, type FormEvent } from 'react';
import type { ParameterInfo } from '../../../../model/sd';
import type { LinkableFigure, Scenario, ScenarioLink } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { formatValue } from '../charts/number-format';
import { figureKey, findFigure } from './scenario-links';

const INSTRUMENT_LABELS: Readonly<Record<LinkableFigure['instrument'], string>> = {
  network: 'Network',
  conjoint: 'Conjoint',
  sroi: 'SROI',
  measurement: 'Measurement',
};

interface ScenarioLinksProps {
  readonly scenario: Scenario;
  readonly figures: readonly LinkableFigure[] | undefined;
  readonly parameters: readonly ParameterInfo[];
  /** Saves the scenario's new list of links. */
  readonly onChange: (links: readonly ScenarioLink[]) => Promise<void>;
  readonly onRefresh: () => void;
}

/**
 * The links of one saved scenario: which model constants take their value from another instrument's figure (a
 * network's reciprocity, a study's willingness to pay), each shown with the figure's current value and the value
 * it gives the constant. Links are saved with the scenario.
 */
export function ScenarioLinks({ scenario, figures, parameters, onChange, onRefresh }: ScenarioLinksProps) {
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const titleId = useId();
  const available = figures ?? [];

  const save = async (links: readonly ScenarioLink[]) => {
    setProblem(undefined);
    try {
      await onChange(links);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="scenario-links" aria-labelledby={titleId}>
      <div className="scenario-links-heading">
        <h3 id={titleId}>Links of “{scenario.name}”</h3>
        <button type="button" className="link" onClick={onRefresh}>
          Refresh figures
        </button>
        <button type="button" onClick={() => setAdding(true)} disabled={parameters.length === 0}>
          Link a constant…
        </button>
      </div>
      {problem !== undefined ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {scenario.links.length === 0 ? (
        <p className="muted small">
          No constant of this scenario is linked. A link sets a constant from a figure of another instrument
          {available.length === 0
            ? ' — none offers one yet: import a network, estimate a conjoint study or import a survey or KPI series in this project first.'
            : ` (${available.length} available), and the scenario follows when that figure changes.`}
        </p>
      ) : (
        <table className="links-table">
          <thead>
            <tr>
              <th scope="col">Constant</th>
              <th scope="col">Figure</th>
              <th scope="col">Figure value</th>
              <th scope="col">Constant value</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {scenario.links.map((link, index) => {
              const figure = findFigure(link, available);
              const mapped =
                figure?.value === null || figure === undefined
                  ? undefined
                  : (link.scale ?? 1) * figure.value + (link.offset ?? 0);
              return (
                <tr key={`${link.variable}-${figureKey(link.source)}`}>
                  <th scope="row">{link.variable}</th>
                  <td>
                    {figure === undefined ? (
                      <span className="form-error">missing: {link.source.figure}</span>
                    ) : (
                      <>
                        {figure.label}
                        <span className="muted small">
                          {' '}
                          · {INSTRUMENT_LABELS[figure.instrument]}: {figure.documentName}
                        </span>
                      </>
                    )}
                  </td>
                  <td>{figure?.value === null || figure === undefined ? '—' : formatValue(figure.value)}</td>
                  <td>
                    {mapped === undefined ? '—' : formatValue(mapped)}
                    {link.scale !== undefined || link.offset !== undefined ? (
                      <span className="muted small">
                        {' '}
                        (× {formatValue(link.scale ?? 1)} + {formatValue(link.offset ?? 0)})
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link danger-link"
                      aria-label={`Remove the link of ${link.variable}`}
                      onClick={() => void save(scenario.links.filter((_, other) => other !== index))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Dialog title="Link a constant to a figure" open={adding} onClose={() => setAdding(false)}>
        {adding ? (
          <LinkForm
            figures={available}
            parameters={parameters}
            onCancel={() => setAdding(false)}
            onSubmit={async (link) => {
              const others = scenario.links.filter((existing) => existing.variable !== link.variable);
              await onChange([...others, link]);
              setAdding(false);
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}

/** The form that makes one link (also the Network page's "Use in a model" panel, in its own dialog). */
export function LinkForm({
  figures,
  parameters,
  onCancel,
  onSubmit,
}: {
  readonly figures: readonly LinkableFigure[];
  readonly parameters: readonly ParameterInfo[];
  readonly onCancel: () => void;
  readonly onSubmit: (link: ScenarioLink) => Promise<void>;
}) {
  const [variable, setVariable] = useState(parameters[0]?.name ?? '');
  const [figureIndex, setFigureIndex] = useState(figures.findIndex((figure) => figure.value !== null));
  const [scale, setScale] = useState('1');
  const [offset, setOffset] = useState('0');
  const [error, setError] = useState<string | undefined>();
  const ids = { variable: useId(), figure: useId(), scale: useId(), offset: useId() };
  const figure = figures[figureIndex];
  const scaleNumber = Number(scale);
  const offsetNumber = Number(offset);
  const preview =
    figure?.value !== null &&
    figure !== undefined &&
    Number.isFinite(scaleNumber) &&
    Number.isFinite(offsetNumber)
      ? scaleNumber * figure.value + offsetNumber
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (figure === undefined) return setError('Choose a figure.');
    if (
      !Number.isFinite(scaleNumber) ||
      !Number.isFinite(offsetNumber) ||
      scale.trim() === '' ||
      offset.trim() === ''
    )
      return setError('Scale and offset must be numbers.');
    try {
      await onSubmit({
        variable,
        source: { instrument: figure.instrument, documentId: figure.documentId, figure: figure.figure },
        ...(scaleNumber === 1 ? {} : { scale: scaleNumber }),
        ...(offsetNumber === 0 ? {} : { offset: offsetNumber }),
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  if (figures.length === 0) {
    return (
      <>
        <p>
          No instrument of this project offers a figure yet. Import a network (Network view), estimate a
          conjoint study with a price attribute (Conjoint view) or import a survey or KPI series (Measure
          view); their figures then appear here.
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} autoFocus>
            Close
          </button>
        </div>
      </>
    );
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={ids.variable}>Model constant</label>
      <select id={ids.variable} value={variable} onChange={(event) => setVariable(event.target.value)}>
        {parameters.map((parameter) => (
          <option key={parameter.id} value={parameter.name}>
            {parameter.name} (now {formatValue(parameter.value)})
          </option>
        ))}
      </select>
      <label htmlFor={ids.figure}>Figure</label>
      <select
        id={ids.figure}
        value={figureIndex}
        onChange={(event) => setFigureIndex(Number(event.target.value))}
      >
        {figureGroups(figures).map((group) => (
          <optgroup key={group.heading} label={group.heading}>
            {group.entries.map(({ figure: candidate, index }) => (
              <option key={figureKey(candidate)} value={index} disabled={candidate.value === null}>
                {INSTRUMENT_LABELS[candidate.instrument]} · {candidate.documentName} · {candidate.label}
                {candidate.value === null ? ' (no value yet)' : ` = ${formatValue(candidate.value)}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {figure === undefined ? null : (
        // The whole name of the chosen figure: a narrow dialog cuts the closed list's text short.
        <p className="muted small">
          {INSTRUMENT_LABELS[figure.instrument]} · {figure.documentName} · {figure.label}
          {figure.value === null ? '' : ` = ${formatValue(figure.value)}`}
          {figure.units === undefined ? '' : ` ${figure.units}`}
        </p>
      )}
      <div className="link-mapping">
        <label htmlFor={ids.scale}>Scale</label>
        <input
          id={ids.scale}
          inputMode="decimal"
          value={scale}
          onChange={(event) => setScale(event.target.value)}
        />
        <label htmlFor={ids.offset}>Offset</label>
        <input
          id={ids.offset}
          inputMode="decimal"
          value={offset}
          onChange={(event) => setOffset(event.target.value)}
        />
      </div>
      <p className="muted small" role="status">
        {preview === undefined
          ? 'The constant will take scale × figure + offset.'
          : `“${variable}” will be ${formatValue(preview)} (scale × figure + offset).`}
      </p>
      {error !== undefined ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save link
        </button>
      </div>
    </form>
  );
}

/**
 * The figures under one heading per instrument and document ("Measurement: Empathy survey (IRI)"), in the order
 * the providers list them, each with its index in the flat list (the select's value).
 */
export function figureGroups(figures: readonly LinkableFigure[]): {
  readonly heading: string;
  readonly entries: { readonly figure: LinkableFigure; readonly index: number }[];
}[] {
  const groups = new Map<string, { figure: LinkableFigure; index: number }[]>();
  figures.forEach((figure, index) => {
    const heading = `${INSTRUMENT_LABELS[figure.instrument]}: ${figure.documentName}`;
    groups.set(heading, [...(groups.get(heading) ?? []), { figure, index }]);
  });
  return [...groups].map(([heading, entries]) => ({ heading, entries }));
}
