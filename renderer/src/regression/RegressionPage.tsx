import { useId, useMemo, useState } from 'react';
import { readCsvText, type DataTable, type StandardErrorKind } from '../../../model/stats';
import { appVersion } from '../conjoint/app-version';
import { errorText } from '../conjoint/format';
import { downloadText } from '../dynamics/download';
import { RegressionResults } from './RegressionResults';
import {
  defaultSpec,
  profileColumns,
  regressionJson,
  runRegression,
  type PredictorChoice,
  type RegressionSpec,
} from './regression-run';
import { regressionCsv, sha256Hex } from './regression-export';
import './regression.css';

const SE_WORDS: Readonly<Record<StandardErrorKind, string>> = {
  classical: 'Classical (R’s lm)',
  hc0: 'Robust HC0 (White)',
  hc1: 'Robust HC1 (Stata’s “robust”)',
  hc3: 'Robust HC3 (small samples)',
};

interface OpenedData {
  readonly name: string;
  readonly table: DataTable;
  readonly hash: string;
}

/**
 * Does empathy go with a better KPI? A CSV the user opens (one row per team, store or period), the KPI regressed
 * on an empathy score and controls by OLS, with R's coefficient names, robust errors if asked, the fit, and the
 * result read in plain words. The data stay in the page: nothing is saved in the workspace.
 */
export function RegressionPage() {
  const id = useId();
  const [data, setData] = useState<OpenedData | null>(null);
  const [spec, setSpec] = useState<RegressionSpec | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const profiles = useMemo(() => (data === null ? [] : profileColumns(data.table)), [data]);
  const outcome = useMemo(
    () => (data === null || spec === null ? undefined : runRegression(data.table, profiles, spec)),
    [data, profiles, spec],
  );

  const open = async (file: File | undefined) => {
    if (file === undefined) return;
    setProblem(null);
    try {
      const text = await file.text();
      const reading = readCsvText(text, file.name);
      if (!reading.ok) {
        setProblem(reading.problem.message);
        return;
      }
      const opened = { name: file.name, table: reading.table, hash: await sha256Hex(text) };
      setData(opened);
      setSpec(defaultSpec(profileColumns(reading.table)));
    } catch (error) {
      setProblem(`${file.name} could not be read: ${errorText(error)}`);
    }
  };

  const choice = (column: string): PredictorChoice | undefined =>
    spec?.predictors.find((entry) => entry.column === column);
  const setChoice = (column: string, next: PredictorChoice | undefined) => {
    if (spec === null) return;
    const others = spec.predictors.filter((entry) => entry.column !== column);
    // Keep the file's column order, so the coefficient table reads like the data.
    const order = (entry: PredictorChoice) => profiles.findIndex((profile) => profile.name === entry.column);
    const predictors = (next === undefined ? others : [...others, next]).sort((a, b) => order(a) - order(b));
    setSpec({
      ...spec,
      predictors,
      focus: predictors.some((entry) => entry.column === spec.focus)
        ? spec.focus
        : (predictors[0]?.column ?? ''),
    });
  };

  const exportAs = async (format: 'csv' | 'json') => {
    if (data === null || spec === null || outcome?.ok !== true) return;
    const source = {
      fileName: data.name,
      dataHash: data.hash,
      appVersion: await appVersion(),
      exportedAt: new Date().toISOString(),
    };
    const stem = `${data.name.replace(/\.csv$/i, '')} regression`;
    if (format === 'json')
      downloadText(`${stem}.json`, 'application/json', regressionJson(outcome.fit, spec, source));
    else downloadText(`${stem}.csv`, 'text/csv', regressionCsv(outcome.fit, spec, source));
  };

  return (
    <div className="regression">
      <p className="lead">
        Does empathy go with a better KPI? Open a CSV with one row per team, store or month: a KPI (retention,
        NPS, revenue per customer), an empathy score, and controls such as size or region. The KPI is
        regressed on the score holding the controls fixed, and the result is read out in plain words. The file
        is read in this page only; it is not saved in the workspace, so open it again after a reload.
      </p>
      <label className="file-field">
        <span>Data file (CSV)</span>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="regression-file"
          onChange={(event) => {
            void open(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      {problem !== null ? (
        <div className="banner error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      {data === null || spec === null ? (
        <div className="empty-state">
          <h3>No data open</h3>
          <p>
            Numbers may use a decimal point; text columns (team, region) can be categorical predictors, each
            level compared with a reference.
          </p>
        </div>
      ) : (
        <>
          <section className="panel" aria-labelledby={`${id}-model`}>
            <h3 id={`${id}-model`} className="panel-title">
              Model
            </h3>
            <p className="muted small">
              {data.name}: {data.table.rows.length.toLocaleString('en-US')} rows, {data.table.columns.length}{' '}
              columns.
            </p>
            <div className="form-grid">
              <label className="field">
                <span>Outcome (KPI)</span>
                <select
                  value={spec.outcome}
                  onChange={(event) => {
                    const next = event.target.value;
                    setSpec({
                      ...spec,
                      outcome: next,
                      predictors: spec.predictors.filter((entry) => entry.column !== next),
                    });
                  }}
                >
                  {profiles
                    .filter((profile) => profile.numeric)
                    .map((profile) => (
                      <option key={profile.name} value={profile.name}>
                        {profile.name}
                      </option>
                    ))}
                </select>
              </label>
              <label className="field">
                <span>Empathy score (read first)</span>
                <select
                  value={spec.focus}
                  onChange={(event) => setSpec({ ...spec, focus: event.target.value })}
                >
                  <option value="">None</option>
                  {spec.predictors.map((entry) => (
                    <option key={entry.column} value={entry.column}>
                      {entry.column}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>Standard errors</span>
                <select
                  value={spec.se}
                  onChange={(event) => setSpec({ ...spec, se: event.target.value as StandardErrorKind })}
                >
                  {(Object.keys(SE_WORDS) as StandardErrorKind[]).map((kind) => (
                    <option key={kind} value={kind}>
                      {SE_WORDS[kind]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="table-frame">
              <table className="data-table predictors">
                <caption>Predictors: the empathy score and the controls to hold fixed</caption>
                <thead>
                  <tr>
                    <th scope="col">Column</th>
                    <th scope="col">Use</th>
                    <th scope="col">As</th>
                    <th scope="col">Reference level</th>
                  </tr>
                </thead>
                <tbody>
                  {profiles
                    .filter((profile) => profile.name !== spec.outcome)
                    .map((profile) => {
                      const current = choice(profile.name);
                      const kind = current?.kind ?? (profile.numeric ? 'numeric' : 'categorical');
                      return (
                        <tr key={profile.name}>
                          <th scope="row">
                            {profile.name}
                            <span className="muted small">
                              {' '}
                              {profile.numeric ? 'numbers' : `text, ${profile.levels.length} values`}
                              {profile.missing > 0 ? `, ${profile.missing} missing` : ''}
                            </span>
                          </th>
                          <td>
                            <input
                              type="checkbox"
                              aria-label={`Use ${profile.name}`}
                              checked={current !== undefined}
                              onChange={(event) =>
                                setChoice(
                                  profile.name,
                                  event.target.checked ? { column: profile.name, kind } : undefined,
                                )
                              }
                            />
                          </td>
                          <td>
                            <select
                              aria-label={`${profile.name} as`}
                              value={kind}
                              disabled={current === undefined}
                              onChange={(event) =>
                                setChoice(profile.name, {
                                  column: profile.name,
                                  kind: event.target.value === 'numeric' ? 'numeric' : 'categorical',
                                })
                              }
                            >
                              <option value="numeric" disabled={!profile.numeric}>
                                Numeric
                              </option>
                              <option value="categorical">Categorical</option>
                            </select>
                          </td>
                          <td>
                            {current?.kind === 'categorical' ? (
                              <select
                                aria-label={`Reference level of ${profile.name}`}
                                value={current.reference ?? profile.levels[0] ?? ''}
                                onChange={(event) =>
                                  setChoice(profile.name, { ...current, reference: event.target.value })
                                }
                              >
                                {profile.levels.slice(0, 200).map((level) => (
                                  <option key={level} value={level}>
                                    {level}
                                  </option>
                                ))}
                              </select>
                            ) : (
                              <span className="muted">—</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          </section>
          {outcome === undefined ? null : outcome.ok ? (
            <RegressionResults fit={outcome.fit} spec={spec} onExport={(format) => void exportAs(format)} />
          ) : (
            <div className="banner error" role="alert">
              <p>The regression cannot be run: {outcome.error}.</p>
            </div>
          )}
        </>
      )}
    </div>
  );
}
