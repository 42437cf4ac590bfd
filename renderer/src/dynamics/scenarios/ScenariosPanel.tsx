import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ParameterInfo } from '../../../../model/sd';
import type { Scenario, ScenarioId } from '../../../../electron/api/contract';
import { canonicalName } from '../../../../model/sd';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatValue } from '../charts/number-format';
import { useDynamics } from '../session/dynamics-context';
import { exportRuns } from './export-runs';
import { ScenarioComparison } from './ScenarioComparison';
import { resolveScenario } from './scenario-links';
import { ScenarioLinks } from './ScenarioLinks';
import { useFigures } from './use-figures';
import { ScenarioNameForm } from './ScenarioNameForm';
import { fitOverrides, freeName, sameOverrides } from './scenario-overrides';
import { useScenarios } from './use-scenarios';
import './scenarios.css';

const appliedKey = (modelId: string): string => `empathy-workbench.applied-scenario.${modelId}`;

/** The overrides without the given constants (compared by XMILE name), to compare what a link does not set. */
const without = (overrides: Readonly<Record<string, number>>, names: readonly string[]) => {
  const dropped = new Set(names.map(canonicalName));
  return Object.fromEntries(Object.entries(overrides).filter(([name]) => !dropped.has(canonicalName(name))));
};

/** How many scenarios a comparison takes at most (more lines than this on one chart stop being readable). */
export const MAX_COMPARED = 6;

type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'create' }
  | { readonly kind: 'rename'; readonly scenario: Scenario }
  | { readonly kind: 'delete'; readonly scenario: Scenario };

const describeOverrides = (scenario: Scenario): string => {
  const entries = Object.entries(scenario.overrides);
  if (entries.length === 0) return 'The model as it is: no constant changed.';
  return entries.map(([name, value]) => `${name} = ${formatValue(value)}`).join('; ');
};

/**
 * Named scenarios of the open model, saved in the workspace: apply one (its overrides in one undo step), save the
 * what-if as a new one or into an existing one, rename, duplicate, delete; tick two to six to compare them; export
 * the current run as CSV or JSON.
 */
export function ScenariosPanel() {
  const { session } = useDynamics();
  const { record, overrides, setOverrides, compile, document, current } = session;
  const store = useScenarios(record.id);
  const titleId = useId();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [appliedId, setAppliedIdState] = useState<ScenarioId | undefined>(
    () => (localStorage.getItem(appliedKey(record.id)) ?? undefined) as ScenarioId | undefined,
  );
  const setAppliedId = useCallback(
    (id: ScenarioId) => {
      localStorage.setItem(appliedKey(record.id), id);
      setAppliedIdState(id);
    },
    [record.id],
  );
  const { figures, refresh: refreshFigures } = useFigures(record.projectId);
  const overridesOf = useCallback(
    (scenario: Scenario) => resolveScenario(scenario, figures ?? []).overrides,
    [figures],
  );
  const [compared, setCompared] = useState<readonly ScenarioId[]>([]);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | undefined>();
  const [parameters, setParameters] = useState<readonly ParameterInfo[]>([]);
  if (compile.status === 'ready' && compile.info.parameters !== parameters)
    setParameters(compile.info.parameters);

  const scenarios = useMemo(
    () => (store.state.status === 'ready' ? store.state.scenarios : []),
    [store.state],
  );
  // The applied scenario: the one last applied while it still matches, else any that matches the what-if.
  const applied = useMemo(() => {
    const matching = scenarios.filter((scenario) => sameOverrides(overridesOf(scenario), overrides));
    return matching.find((scenario) => scenario.id === appliedId) ?? matching[0];
  }, [scenarios, overrides, appliedId, overridesOf]);
  // The scenario the what-if started from, which "Update" saves the changes into: remembered from the last
  // match (also after a reload, when the working overrides still match a scenario).
  if (applied !== undefined && applied.id !== appliedId) setAppliedId(applied.id);
  const lastApplied = scenarios.find((scenario) => scenario.id === appliedId);
  const comparedScenarios = compared
    .map((id) => scenarios.find((scenario) => scenario.id === id))
    .filter((scenario): scenario is Scenario => scenario !== undefined);
  const close = () => setEditing({ kind: 'none' });
  const changedCount = Object.keys(overrides).length;

  const run = async (what: string, operation: () => Promise<unknown>) => {
    setNotice(undefined);
    try {
      await operation();
    } catch (error) {
      setNotice({
        kind: 'error',
        text: `${what}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const apply = useCallback(
    (scenario: Scenario, reason?: string) => {
      const resolved = resolveScenario(scenario, figures ?? []);
      const fitted = parameters.length > 0 ? fitOverrides(resolved.overrides, parameters) : undefined;
      setOverrides(fitted?.overrides ?? resolved.overrides);
      setAppliedId(scenario.id);
      const notes = [
        ...(reason === undefined ? [] : [reason]),
        ...resolved.problems,
        ...(fitted === undefined || fitted.ignored.length === 0
          ? []
          : [
              `“${scenario.name}” sets ${fitted.ignored.join(', ')}, which ${fitted.ignored.length === 1 ? 'is not a constant' : 'are not constants'} of this model; left out.`,
            ]),
      ];
      setNotice(notes.length === 0 ? undefined : { kind: 'info', text: notes.join(' ') });
    },
    [figures, parameters, setOverrides, setAppliedId],
  );

  // A linked scenario follows its figures: when a figure changed since the what-if was last run (a network
  // re-imported, a study re-estimated) and nothing else was changed by hand, the scenario is applied again.
  useEffect(() => {
    if (figures === undefined || lastApplied === undefined || lastApplied.links.length === 0) return;
    if (applied?.id === lastApplied.id || parameters.length === 0) return;
    const resolved = resolveScenario(lastApplied, figures);
    const linkedNames = resolved.linked.map((entry) => entry.link.variable);
    if (!sameOverrides(without(resolved.overrides, linkedNames), without(overrides, linkedNames))) return;
    // Following the figures is syncing with data outside React (the other instruments' documents).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    apply(
      lastApplied,
      `The figures linked to “${lastApplied.name}” changed (${resolved.linked
        .map((entry) => `${entry.link.variable} = ${formatValue(entry.value)}`)
        .join(', ')}); it was run again with them.`,
    );
  }, [figures, lastApplied, applied, overrides, parameters, apply]);

  const toggleCompared = (id: ScenarioId, on: boolean) =>
    setCompared((previous) =>
      on
        ? [...previous.filter((existing) => existing !== id), id].slice(-MAX_COMPARED)
        : previous.filter((existing) => existing !== id),
    );

  const exportCurrent = (format: 'csv' | 'json') => {
    if (current === undefined) return;
    const scenario = applied?.name ?? (changedCount === 0 ? 'Model as saved' : 'Unsaved what-if');
    void run('The export failed', () =>
      exportRuns(
        {
          modelId: record.id,
          modelName: record.name,
          document,
          saved: session.save.status === 'saved',
          usesRandom: session.compile.status === 'ready' ? session.compile.info.usesRandom : undefined,
        },
        [{ scenario, overrides, run: current }],
        format,
      ),
    );
  };

  return (
    <section className="panel scenarios" aria-labelledby={titleId}>
      <div className="panel-heading">
        <h2 className="panel-title" id={titleId}>
          Scenarios
        </h2>
        <div className="scenario-toolbar">
          <span className="muted small" role="status">
            {applied !== undefined
              ? `Showing “${applied.name}”`
              : lastApplied !== undefined
                ? `Changed from “${lastApplied.name}”, not saved`
                : changedCount === 0
                  ? 'Showing the model as saved'
                  : `Unsaved what-if: ${changedCount} constant${changedCount === 1 ? '' : 's'} changed`}
          </span>
          <button type="button" className="primary" onClick={() => setEditing({ kind: 'create' })}>
            Save as scenario…
          </button>
          <span className="export-group" role="group" aria-label="Export the current run">
            <span className="muted small">Export run</span>
            <button type="button" onClick={() => exportCurrent('csv')} disabled={current === undefined}>
              CSV
            </button>
            <button type="button" onClick={() => exportCurrent('json')} disabled={current === undefined}>
              JSON
            </button>
          </span>
        </div>
      </div>

      {notice === undefined ? null : (
        <div
          className={`banner ${notice.kind === 'error' ? 'error' : 'info'}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <p>{notice.text}</p>
          <button type="button" onClick={() => setNotice(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      {store.state.status === 'loading' ? <p className="muted small">Loading scenarios…</p> : null}
      {store.state.status === 'failed' ? (
        <div className="banner error" role="alert">
          <p>The scenarios could not be loaded: {store.state.message}</p>
        </div>
      ) : null}
      {store.state.status === 'ready' && scenarios.length === 0 ? (
        <p className="muted small">
          No scenario yet. Move the sliders, then save the what-if as a scenario to come back to it and
          compare.
        </p>
      ) : null}

      {scenarios.length > 0 ? (
        <ul className="scenario-list" aria-label="Saved scenarios">
          {scenarios.map((scenario) => {
            const isApplied = scenario.id === applied?.id;
            const isCompared = compared.includes(scenario.id);
            const count = Object.keys(scenario.overrides).length;
            return (
              <li
                key={scenario.id}
                className={`scenario${isApplied ? ' applied' : ''}`}
                data-scenario={scenario.name}
              >
                <input
                  type="checkbox"
                  className="scenario-compare"
                  aria-label={`Compare ${scenario.name}`}
                  checked={isCompared}
                  onChange={(event) => toggleCompared(scenario.id, event.target.checked)}
                />
                <div className="scenario-text" title={describeOverrides(scenario)}>
                  <span className="scenario-name">{scenario.name}</span>
                  {isApplied ? <span className="scenario-badge">applied</span> : null}
                  <span className="muted small scenario-summary">
                    {count === 0 ? 'no changes' : `${count} change${count === 1 ? '' : 's'}`}
                  </span>
                </div>
                <div className="scenario-actions">
                  <button
                    type="button"
                    onClick={() => apply(scenario)}
                    disabled={isApplied}
                    aria-label={`Apply ${scenario.name}`}
                  >
                    Apply
                  </button>
                  {scenario.id === appliedId && !isApplied ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        void run('The scenario could not be updated', () =>
                          store.updateOverrides(scenario.id, overrides),
                        )
                      }
                      aria-label={`Update ${scenario.name} with the current what-if`}
                      title="Save the current slider values into this scenario"
                    >
                      Update
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="link"
                    onClick={() => setEditing({ kind: 'rename', scenario })}
                    aria-label={`Rename ${scenario.name}`}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      void run('The scenario could not be duplicated', () => store.duplicate(scenario.id))
                    }
                    aria-label={`Duplicate ${scenario.name}`}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="link danger-link"
                    onClick={() => setEditing({ kind: 'delete', scenario })}
                    aria-label={`Delete ${scenario.name}`}
                  >
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}

      {lastApplied !== undefined ? (
        <ScenarioLinks
          scenario={lastApplied}
          figures={figures}
          parameters={parameters}
          onRefresh={() => void refreshFigures()}
          onChange={async (links) => {
            await call('scenarios.update', { id: lastApplied.id, links: [...links] });
            await store.reload();
          }}
        />
      ) : null}

      {scenarios.length > 1 ? (
        <p className="muted small compare-hint">
          {comparedScenarios.length < 2
            ? `Tick two to ${MAX_COMPARED} scenarios to compare them on the same axes.`
            : `Comparing ${comparedScenarios.length} scenarios.`}{' '}
          {compared.length > 0 ? (
            <button type="button" className="link" onClick={() => setCompared([])}>
              Clear
            </button>
          ) : null}
        </p>
      ) : null}
      {comparedScenarios.length >= 2 ? (
        <ScenarioComparison scenarios={comparedScenarios} parameters={parameters} overridesOf={overridesOf} />
      ) : null}

      <Dialog title="Save as scenario" open={editing.kind === 'create'} onClose={close}>
        {editing.kind === 'create' ? (
          <ScenarioNameForm
            initialName={freeName(
              applied === undefined ? 'New scenario' : `${applied.name} (changed)`,
              scenarios.map((s) => s.name),
            )}
            submitLabel="Save scenario"
            hint={
              changedCount === 0
                ? 'No constant is changed: the scenario will be the model as it is.'
                : `Saves the ${changedCount} changed constant${changedCount === 1 ? '' : 's'} of the what-if.`
            }
            onCancel={close}
            onSubmit={async (name) => {
              const created = await store.create(name, overrides);
              setAppliedId(created.id);
              close();
            }}
          />
        ) : null}
      </Dialog>
      <Dialog title="Rename scenario" open={editing.kind === 'rename'} onClose={close}>
        {editing.kind === 'rename' ? (
          <ScenarioNameForm
            initialName={editing.scenario.name}
            submitLabel="Rename"
            onCancel={close}
            onSubmit={async (name) => {
              await store.rename(editing.scenario.id, name);
              close();
            }}
          />
        ) : null}
      </Dialog>
      <Dialog
        title="Delete scenario?"
        open={editing.kind === 'delete'}
        onClose={close}
        describedBy={`${titleId}-delete`}
      >
        {editing.kind === 'delete' ? (
          <>
            <p id={`${titleId}-delete`}>
              “{editing.scenario.name}” will be deleted from the workspace. The sliders keep their values.
            </p>
            <div className="dialog-actions">
              <button type="button" onClick={close} autoFocus>
                Cancel
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  const { scenario } = editing;
                  close();
                  setCompared((previous) => previous.filter((id) => id !== scenario.id));
                  void run('The scenario could not be deleted', () => store.remove(scenario.id));
                }}
              >
                Delete scenario
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </section>
  );
}
