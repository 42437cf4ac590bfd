/**
 * A dynamics-chart page's live model: the model read and compiled in a simulation worker of its own
 * (engine-client.ts, as the Dynamics view runs it), the page's starting scenario resolved the way the Dynamics
 * view resolves it (its links to other instruments' figures, fitted to the model's constants), and a run for
 * whatever the sliders say now. Slider drags go through runLatest, so a fast drag never queues stale runs.
 */
import { useEffect, useRef, useState } from 'react';
import { canonicalName, readXmile, type ModelDocument } from '../../../model/sd';
import type { ModelId, ProjectId, ScenarioId } from '../../../electron/api/contract';
import { call } from '../api';
import { EngineClient, createSimulationWorker } from '../dynamics/engine/engine-client';
import type { ModelInfo, Overrides, RunSeries } from '../dynamics/engine/protocol';
import { resolveScenario } from '../dynamics/scenarios/scenario-links';
import { fitOverrides } from '../dynamics/scenarios/scenario-overrides';

export type LiveModel =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly name: string;
      readonly document: ModelDocument;
      readonly info: ModelInfo;
      readonly scenarioName: string | undefined;
      /** The starting scenario's overrides: what the presenter's reset returns to. */
      readonly start: Overrides;
    };

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useLiveModel(
  projectId: ProjectId,
  modelId: ModelId,
  scenarioId: ScenarioId | undefined,
  overrides: Overrides | undefined,
): { readonly model: LiveModel; readonly run: RunSeries | undefined } {
  // The state names what it was loaded for, so a page pointed at another model shows "loading" until it is in.
  const key = `${modelId}:${scenarioId ?? ''}`;
  const [loaded, setModel] = useState<{ readonly key: string; readonly model: LiveModel }>({
    key: '',
    model: { status: 'loading' },
  });
  const model: LiveModel = loaded.key === key ? loaded.model : { status: 'loading' };
  const [run, setRun] = useState<RunSeries | undefined>();
  const engine = useRef<EngineClient | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const client = new EngineClient(createSimulationWorker());
    engine.current = client;
    void (async () => {
      try {
        const [record, scenarios, figures] = await Promise.all([
          call('models.get', { id: modelId }),
          call('scenarios.list', { modelId }),
          call('links.figures', { projectId }).catch(() => []),
        ]);
        const read = readXmile(record.xmile, record.name);
        if (!read.ok) throw new Error(`“${record.name}” cannot be read: ${read.errors[0]?.message ?? ''}`);
        const loaded = await client.load(read.value);
        if (!loaded.ok)
          throw new Error(
            `“${record.name}” does not compile: ${loaded.errors[0]?.message ?? 'unknown problem'}`,
          );
        const scenario = scenarios.find((candidate) => candidate.id === scenarioId);
        if (scenarioId !== undefined && scenario === undefined)
          throw new Error(`The page's scenario is no longer in “${record.name}”.`);
        const fitted =
          scenario === undefined
            ? {}
            : fitOverrides(resolveScenario(scenario, figures).overrides, loaded.info.parameters).overrides;
        // Keyed by the constants' own names, so the sliders find their starting values however a scenario spells them.
        const names = new Map(loaded.info.parameters.map((parameter) => [parameter.id, parameter.name]));
        const start = Object.fromEntries(
          Object.entries(fitted).map(([name, value]) => [names.get(canonicalName(name)) ?? name, value]),
        );
        if (live)
          setModel({
            key,
            model: {
              status: 'ready',
              name: record.name,
              document: read.value,
              info: loaded.info,
              scenarioName: scenario?.name,
              start,
            },
          });
      } catch (error) {
        if (live)
          setModel({
            key,
            model: { status: 'failed', message: `The model could not be shown: ${reason(error)}` },
          });
      }
    })();
    return () => {
      live = false;
      engine.current = undefined;
      client.dispose();
    };
  }, [projectId, modelId, scenarioId, key]);

  const ready = loaded.key === key && loaded.model.status === 'ready' ? loaded.model : undefined;
  useEffect(() => {
    const client = engine.current;
    if (ready === undefined || client === undefined) return;
    let live = true;
    void client.runLatest([{ overrides: overrides ?? ready.start }]).then((outcome) => {
      if (!live || outcome === 'superseded') return;
      if (outcome.ok) setRun(outcome.runs[0]);
    });
    return () => {
      live = false;
    };
  }, [ready, overrides]);

  return { model, run };
}
