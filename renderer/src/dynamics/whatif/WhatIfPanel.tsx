import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { canonicalName, type ParameterInfo } from '../../../../model/sd';
import { displayUnits } from '../charts/chart-variables';
import { useDynamics } from '../session/dynamics-context';
import type { ChangePhase } from '../session/use-dynamics-session';
import type { ModelInfo } from '../engine/protocol';
import { ParameterSlider } from './ParameterSlider';
import { filterGroups, groupParameters, type ParameterGroup } from './parameter-groups';
import { sliderRange } from './parameter-range';
import './whatif.css';

/** Above this many constants the panel offers a filter box. */
const FILTER_FROM = 8;

/**
 * Live what-if: one slider per constant of the model. Moving one previews a run in the worker on every input
 * event (the charts redraw while it moves) and commits one undo step on release; the baseline stays drawn
 * behind (charts/).
 */
/** What the summary's tooltip says runs the simulation. */
const ENGINE_NOTE: Readonly<Record<ModelInfo['backend'], string>> = {
  'webassembly loop': 'Simulated in WebAssembly, every step',
  'webassembly equations': 'Equations simulated in WebAssembly, Runge-Kutta steps in JavaScript',
  closures: 'Simulated in JavaScript (the model draws random numbers, or WebAssembly is not available)',
};

export function WhatIfPanel() {
  const { session } = useDynamics();
  const { compile, document, overrides, setOverride, setOverrides } = session;
  const filterId = useId();
  const [filter, setFilter] = useState('');
  // Groups the person opened or closed; the others follow defaultOpen.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());

  // While an edit recompiles, keep showing the sliders of the last model that compiled.
  const [parameters, setParameters] = useState<readonly ParameterInfo[] | undefined>();
  if (compile.status === 'ready' && compile.info.parameters !== parameters)
    setParameters(compile.info.parameters);

  const variables = useMemo(
    () => new Map(document.variables.map((variable) => [canonicalName(variable.name), variable])),
    [document],
  );
  const groups = useMemo(
    () => (parameters === undefined ? [] : groupParameters(parameters, document)),
    [parameters, document],
  );
  const ranges = useMemo(
    () =>
      new Map(
        (parameters ?? []).map((parameter) => [
          parameter.id,
          sliderRange(parameter.value, variables.get(parameter.id)),
        ]),
      ),
    [parameters, variables],
  );
  // Overrides are keyed by the name as written; a scenario may spell it differently (XMILE names ignore case,
  // spaces and underscores).
  const overridden = useMemo(
    () => new Map(Object.entries(overrides).map(([name, value]) => [canonicalName(name), value])),
    [overrides],
  );
  // A slider changes the override under the key it already has, so two spellings never override one constant.
  // The keys live in a ref so the handler stays the same function and unchanged sliders do not re-render.
  const overrideKeys = useRef(new Map<string, string>());
  useEffect(() => {
    overrideKeys.current = new Map(Object.keys(overrides).map((name) => [canonicalName(name), name]));
  }, [overrides]);
  const change = useCallback(
    (name: string, value: number | undefined, phase: ChangePhase) =>
      setOverride(overrideKeys.current.get(canonicalName(name)) ?? name, value, phase),
    [setOverride],
  );
  const shown = useMemo(() => filterGroups(groups, filter), [groups, filter]);
  const changed = overridden.size;

  // A long list opens on its levers (or its first group) and on any group with a changed constant; a short one
  // or a filtered one is open throughout.
  const defaultOpen = (group: ParameterGroup, index: number): boolean =>
    (parameters?.length ?? 0) <= FILTER_FROM ||
    index === 0 ||
    group.parameters.some((parameter) => overridden.has(parameter.id));
  const isOpen = (group: ParameterGroup, index: number): boolean =>
    filter.trim() !== '' || (toggled.get(group.title) ?? defaultOpen(group, index));

  return (
    <section className="panel whatif" aria-labelledby={`${filterId}-title`}>
      <div className="panel-heading">
        <h2 className="panel-title" id={`${filterId}-title`}>
          What if
        </h2>
        <button
          type="button"
          className="link"
          onClick={() => setOverrides({})}
          disabled={changed === 0}
          title="Every constant back to the model's value (one undo step)"
        >
          Reset all
        </button>
      </div>
      {compile.status === 'failed' ? (
        <p className="muted small" role="status">
          The model does not compile; the sliders come back when it does.
        </p>
      ) : null}
      {parameters === undefined ? (
        compile.status === 'compiling' ? (
          <p className="muted small">Compiling the model…</p>
        ) : null
      ) : parameters.length === 0 ? (
        <p className="muted small">This model has no constants to vary.</p>
      ) : (
        <>
          <p
            className="muted small whatif-summary"
            aria-live="polite"
            data-engine={compile.status === 'ready' ? compile.info.backend : undefined}
            title={compile.status === 'ready' ? ENGINE_NOTE[compile.info.backend] : undefined}
          >
            {parameters.length} constant{parameters.length === 1 ? '' : 's'}
            {changed > 0 ? `, ${changed} changed from the model` : ', all at the model’s values'}
          </p>
          {parameters.length > FILTER_FROM ? (
            <input
              id={filterId}
              type="search"
              className="whatif-filter"
              placeholder="Filter constants"
              aria-label="Filter constants"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          ) : null}
          {shown.length === 0 ? <p className="muted small">No constant matches “{filter}”.</p> : null}
          {shown.map((group, index) => {
            const open = isOpen(group, index);
            const changedHere = group.parameters.filter((parameter) => overridden.has(parameter.id)).length;
            return (
              <details
                key={group.title}
                className={`parameter-group ${group.kind.replace(' ', '-')}`}
                open={open}
                onToggle={(event) => {
                  const now = event.currentTarget.open;
                  if (now !== open) setToggled((previous) => new Map(previous).set(group.title, now));
                }}
              >
                <summary>
                  <span className="group-title">{group.title}</span>
                  <span className="group-count">
                    {group.parameters.length}
                    {changedHere > 0 ? `, ${changedHere} changed` : ''}
                  </span>
                </summary>
                <fieldset aria-label={group.title}>
                  {group.parameters.map((parameter) => {
                    const override = overridden.get(parameter.id);
                    const range = ranges.get(parameter.id);
                    if (range === undefined) return null;
                    return (
                      <ParameterSlider
                        key={parameter.id}
                        parameter={parameter}
                        range={range}
                        units={displayUnits(variables.get(parameter.id)?.units)}
                        value={override ?? parameter.value}
                        overridden={override !== undefined}
                        onChange={change}
                      />
                    );
                  })}
                </fieldset>
              </details>
            );
          })}
        </>
      )}
    </section>
  );
}
