import { useId, useState } from 'react';
import { levelCounts, parameterCount } from '../../../../model/conjoint';
import type { ConjointStudyRecord, DesignRequest } from '../../../../electron/api/contract';
import { call } from '../../api';
import { downloadText } from '../../dynamics/download';
import { appVersion } from '../app-version';
import { errorText, formatWhen } from '../format';
import { designCsv, designTable, DESIGN_METHOD_WORDS } from './design-table';

const PREVIEW_ROWS = 12;

type Kind = 'profiles' | 'choice';

/** A whole number typed into a field, or the fallback while it is not one. */
const whole = (text: string, fallback: number): number => {
  const value = Number(text);
  return Number.isInteger(value) ? value : fallback;
};

/**
 * The design: profiles to rate (the full factorial, or a D-optimal fraction with a chosen number of runs) or
 * choice tasks (random or balanced overlap, optionally with None), generated with a seed so it can be made again,
 * with its D-efficiency; the current design previewed and exported as CSV.
 */
export function DesignPanel({
  record,
  onChange,
}: {
  readonly record: ConjointStudyRecord;
  readonly onChange: (record: ConjointStudyRecord) => void;
}) {
  const { study, design, responses } = record.document;
  const id = useId();
  const parameters = parameterCount(study);
  const factorial = levelCounts(study).reduce((product, count) => product * count, 1);
  const [kind, setKind] = useState<Kind>(
    design?.kind ?? (responses?.kind === 'ratings' ? 'profiles' : 'choice'),
  );
  const [profileMethod, setProfileMethod] = useState<'full-factorial' | 'd-optimal'>(
    factorial <= 32 ? 'full-factorial' : 'd-optimal',
  );
  const [runs, setRuns] = useState(String(Math.min(factorial, Math.max(parameters, 2 * parameters))));
  const [choiceMethod, setChoiceMethod] = useState<'random' | 'balanced-overlap'>('balanced-overlap');
  const [versions, setVersions] = useState('10');
  const [tasks, setTasks] = useState('12');
  const [alternatives, setAlternatives] = useState('3');
  const [none, setNone] = useState(true);
  const [seed, setSeed] = useState('1');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const request = (): DesignRequest => {
    const chosenSeed = whole(seed, 1);
    if (kind === 'profiles')
      return profileMethod === 'full-factorial'
        ? { kind: 'full-factorial' }
        : { kind: 'd-optimal', runs: whole(runs, parameters), seed: chosenSeed };
    return {
      kind: 'choice',
      method: choiceMethod,
      versions: whole(versions, 1),
      tasks: whole(tasks, 1),
      alternatives: whole(alternatives, 2),
      none,
      seed: chosenSeed,
    };
  };

  const generate = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onChange(await call('conjoint.generateDesign', { id: record.id, design: request() }));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    if (design === null) return;
    downloadText(`${record.name} design.csv`, 'text/csv', designCsv(study, design, await appVersion()));
  };

  const table = design === null ? null : designTable(study, design);

  return (
    <div className="design-panel">
      <section className="panel" aria-labelledby={`${id}-generate`}>
        <h3 id={`${id}-generate`} className="panel-title">
          Generate a design
        </h3>
        <div className="choice-row" role="radiogroup" aria-label="Kind of design">
          <label>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'profiles'}
              onChange={() => setKind('profiles')}
            />{' '}
            Profiles to rate (ratings conjoint)
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'choice'}
              onChange={() => setKind('choice')}
            />{' '}
            Choice tasks (choice-based conjoint)
          </label>
        </div>
        {kind === 'profiles' ? (
          <div className="form-grid">
            <label className="field">
              <span>Method</span>
              <select
                value={profileMethod}
                onChange={(event) =>
                  setProfileMethod(event.target.value === 'd-optimal' ? 'd-optimal' : 'full-factorial')
                }
              >
                <option value="full-factorial">
                  Full factorial ({factorial.toLocaleString('en-US')} profiles before prohibitions)
                </option>
                <option value="d-optimal">D-optimal fraction</option>
              </select>
            </label>
            {profileMethod === 'd-optimal' ? (
              <>
                <label className="field">
                  <span>Runs (profiles)</span>
                  <input
                    type="number"
                    min={parameters}
                    value={runs}
                    onChange={(event) => setRuns(event.target.value)}
                  />
                </label>
                <label className="field">
                  <span>Seed</span>
                  <input type="number" value={seed} onChange={(event) => setSeed(event.target.value)} />
                </label>
              </>
            ) : null}
            <p className="muted small form-note">
              The study has {parameters} parameters (an intercept and one per level beyond the first), so a
              design needs at least {parameters} profiles; twice that is a common choice.
            </p>
          </div>
        ) : (
          <div className="form-grid">
            <label className="field">
              <span>Method</span>
              <select
                value={choiceMethod}
                onChange={(event) =>
                  setChoiceMethod(event.target.value === 'random' ? 'random' : 'balanced-overlap')
                }
              >
                <option value="balanced-overlap">Balanced overlap</option>
                <option value="random">Random</option>
              </select>
            </label>
            <label className="field">
              <span>Versions</span>
              <input
                type="number"
                min={1}
                max={200}
                value={versions}
                onChange={(event) => setVersions(event.target.value)}
              />
            </label>
            <label className="field">
              <span>Tasks per version</span>
              <input
                type="number"
                min={1}
                max={60}
                value={tasks}
                onChange={(event) => setTasks(event.target.value)}
              />
            </label>
            <label className="field">
              <span>Profiles per task</span>
              <input
                type="number"
                min={2}
                max={9}
                value={alternatives}
                onChange={(event) => setAlternatives(event.target.value)}
              />
            </label>
            <label className="field">
              <span>Seed</span>
              <input type="number" value={seed} onChange={(event) => setSeed(event.target.value)} />
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={none} onChange={(event) => setNone(event.target.checked)} />{' '}
              Offer “None of these”
            </label>
          </div>
        )}
        {problem !== null ? (
          <div className="banner error" role="alert">
            <p>{problem}</p>
          </div>
        ) : null}
        <div className="button-row">
          <button type="button" className="primary" disabled={busy} onClick={() => void generate()}>
            {busy ? 'Generating…' : design === null ? 'Generate design' : 'Generate a new design'}
          </button>
          {design !== null ? (
            <span className="muted small">Replaces the current design; imported responses are kept.</span>
          ) : null}
        </div>
      </section>

      {design === null || table === null ? (
        <div className="empty-state">
          <h3>No design yet</h3>
          <p>
            Generate one above, or import responses collected with a design of your own: they carry their
            profiles.
          </p>
        </div>
      ) : (
        <section className="panel" aria-labelledby={`${id}-current`}>
          <div className="panel-heading">
            <h3 id={`${id}-current`} className="panel-title">
              Current design
            </h3>
            <button type="button" onClick={() => void exportCsv()}>
              Export CSV
            </button>
          </div>
          <dl className="figures">
            <div className="figure-card" data-figure="d-efficiency">
              <dt>D-efficiency</dt>
              <dd className="figure-value">{design.dEfficiency.toFixed(1)}%</dd>
              <dd className="muted small">
                {design.kind === 'profiles'
                  ? '100% is an orthogonal, balanced design (Kuhfeld).'
                  : 'Of every profile shown, as one linear design: level balance and orthogonality.'}
              </dd>
            </div>
            {design.kind === 'choice' ? (
              <div className="figure-card">
                <dt>MNL D-error</dt>
                <dd className="figure-value">
                  {design.dError === null ? 'not estimable' : design.dError.toPrecision(3)}
                </dd>
                <dd className="muted small">At zero part-worths, whole design; lower is better.</dd>
              </div>
            ) : null}
            <div className="figure-card">
              <dt>Size</dt>
              <dd className="figure-value">
                {design.kind === 'profiles'
                  ? `${design.profiles.length} profiles`
                  : `${design.versions.length} × ${design.versions[0]?.length ?? 0} tasks`}
              </dd>
              <dd className="muted small">
                {design.kind === 'choice'
                  ? `${design.versions[0]?.[0]?.length ?? 0} profiles per task${design.none ? ' + None' : ''}`
                  : `of ${factorial.toLocaleString('en-US')} possible`}
              </dd>
            </div>
          </dl>
          <p className="muted small">
            {DESIGN_METHOD_WORDS[design.method]}
            {design.seed === null ? '' : `, seed ${design.seed}`}, made {formatWhen(design.createdAt)}.
          </p>
          <div className="table-frame">
            <table className="data-table">
              <caption>
                First {Math.min(PREVIEW_ROWS, table.rows.length)} of {table.rows.length} rows
              </caption>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
