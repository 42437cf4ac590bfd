/**
 * The runs behind linked outcome quantities (issue 8, point 4): an outcome's `quantityLink` names a model of the
 * project, a scenario and a baseline by name, and a variable; this finds them in the workspace, runs the two
 * scenarios in the Dynamics view's simulation worker (engine-client.ts), and turns the runs into the outcome's
 * quantity per analysis year with model/sroi's quantitiesFromRuns. A scenario is run as the Dynamics view runs
 * it: its overrides, with its links to other instruments' figures resolved (scenario-links.ts), fitted to the
 * model's constants.
 *
 * One source per open analysis: each model is loaded once into a worker of its own, each scenario run once, and
 * every problem comes back as a sentence naming what is missing, never as an exception.
 */
import { canonicalName, readXmile, seriesOf, type ModelDocument } from '../../../../model/sd';
import { lastYearOf, quantitiesFromRuns, timeUnitsPerYear, type SroiOutcome } from '../../../../model/sroi';
import type {
  LinkableFigure,
  ModelSummary,
  OperationInput,
  OperationName,
  OperationOutput,
  ProjectId,
  Scenario,
} from '../../../../electron/api/contract';
import { EngineClient, createSimulationWorker, type EnginePort } from '../../dynamics/engine/engine-client';
import type { ModelInfo, RunSeries } from '../../dynamics/engine/protocol';
import { resolveScenario } from '../../dynamics/scenarios/scenario-links';
import { fitOverrides } from '../../dynamics/scenarios/scenario-overrides';

/** The backend as renderer/src/api.ts's `call` reaches it (tests pass the handlers directly). */
export type WorkbenchCall = <K extends OperationName>(
  operation: K,
  input: OperationInput<K>,
) => Promise<OperationOutput<K>>;

type Found<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const found = <T>(value: T): Found<T> => ({ ok: true, value });
const missing = <T>(message: string): Found<T> => ({ ok: false, message });
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Names compare as the workspace compares them (names.ts: NFC, case-insensitive). */
const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/** A model of the project, compiled in its worker, with what a link may name in it. */
export interface LinkableModel {
  readonly id: string;
  readonly name: string;
  readonly document: ModelDocument;
  readonly info: ModelInfo;
  readonly scenarios: readonly Scenario[];
  /** Model time units in a year, undefined when the model's time unit is not one the link knows. */
  readonly unitsPerYear: number | undefined;
  /** Whole analysis years the model's run covers. */
  readonly years: number;
}

export type LinkedQuantities =
  | { readonly status: 'running' }
  | {
      readonly status: 'ready';
      /** The outcome's quantity in analysis years 1, 2, ... (index 0 is year 1). */
      readonly quantities: readonly number[];
      readonly model: string;
      readonly timeUnits: string;
    }
  | { readonly status: 'failed'; readonly message: string };

interface LoadedModel {
  readonly model: LinkableModel;
  /** The model's text and scenarios as they were loaded (stampOf), to tell when they have changed since. */
  readonly stamp: string;
  readonly engine: EngineClient;
  readonly runs: Map<string, Promise<Found<RunSeries>>>;
}

export class LinkedRunSource {
  private summaries: Promise<Found<readonly ModelSummary[]>> | undefined;
  private figures: Promise<readonly LinkableFigure[]> | undefined;
  private readonly loaded = new Map<string, Promise<Found<LoadedModel>>>();
  private readonly engines: EngineClient[] = [];

  constructor(
    private readonly projectId: ProjectId,
    private readonly call: WorkbenchCall,
    private readonly createPort: () => EnginePort = createSimulationWorker,
  ) {}

  /** The project's models, for the link form. */
  listModels(): Promise<Found<readonly ModelSummary[]>> {
    this.summaries ??= this.call('models.list', { projectId: this.projectId }).then(found, (error: unknown) =>
      missing<readonly ModelSummary[]>(`The project's models could not be listed: ${reason(error)}`),
    );
    return this.summaries;
  }

  private figuresNow(): Promise<readonly LinkableFigure[]> {
    // A project whose other instruments offer nothing yet (or cannot say) runs its scenarios' own values.
    this.figures ??= this.call('links.figures', { projectId: this.projectId }).catch(() => []);
    return this.figures;
  }

  /** The model a link names (by name, or by id), loaded and compiled. */
  model(nameOrId: string): Promise<Found<LinkableModel>> {
    return this.load(nameOrId).then((loaded) => (loaded.ok ? found(loaded.value.model) : loaded));
  }

  private async load(nameOrId: string): Promise<Found<LoadedModel>> {
    const summaries = await this.listModels();
    if (!summaries.ok) return summaries;
    const summary =
      summaries.value.find((candidate) => candidate.id === nameOrId) ??
      summaries.value.find((candidate) => sameName(candidate.name, nameOrId));
    if (summary === undefined) return missing(`this project has no model named “${nameOrId}”`);
    let loading = this.loaded.get(summary.id);
    if (loading === undefined) {
      loading = this.compile(summary);
      this.loaded.set(summary.id, loading);
    }
    return loading;
  }

  private async compile(summary: ModelSummary): Promise<Found<LoadedModel>> {
    try {
      const [record, scenarios] = await Promise.all([
        this.call('models.get', { id: summary.id }),
        this.call('scenarios.list', { modelId: summary.id }),
      ]);
      const read = readXmile(record.xmile, record.name);
      if (!read.ok) return missing(`“${record.name}” cannot be read: ${read.errors[0]?.message ?? ''}`);
      const engine = new EngineClient(this.createPort());
      this.engines.push(engine);
      const compiled = await engine.load(read.value);
      if (!compiled.ok)
        return missing(
          `“${record.name}” does not compile: ${compiled.errors[0]?.message ?? 'unknown problem'}`,
        );
      const { specs } = compiled.info;
      const unitsPerYear = timeUnitsPerYear(read.value.simSpecs.timeUnits ?? '');
      const years =
        unitsPerYear === undefined ? 0 : Math.floor((specs.stop - specs.start) / unitsPerYear + 1e-9);
      return found({
        model: {
          id: record.id,
          name: record.name,
          document: read.value,
          info: compiled.info,
          scenarios,
          unitsPerYear,
          years,
        },
        engine,
        runs: new Map(),
        stamp: stampOf(record, scenarios),
      });
    } catch (error) {
      return missing(`“${summary.name}” could not be loaded: ${reason(error)}`);
    }
  }

  private run(loaded: LoadedModel, scenarioName: string): Promise<Found<RunSeries>> {
    const scenario = loaded.model.scenarios.find((candidate) => sameName(candidate.name, scenarioName));
    if (scenario === undefined)
      return Promise.resolve(missing(`“${scenarioName}” is not a scenario of “${loaded.model.name}”`));
    let running = loaded.runs.get(scenario.id);
    if (running === undefined) {
      running = this.figuresNow().then(async (figures) => {
        const { overrides } = resolveScenario(scenario, figures);
        const fitted = fitOverrides(overrides, loaded.model.info.parameters);
        const outcome = await loaded.engine.run([{ overrides: fitted.overrides }]);
        const [series] = outcome.ok ? outcome.runs : [];
        if (series === undefined)
          return missing<RunSeries>(
            `“${scenario.name}” did not run: ${outcome.ok ? 'no result' : (outcome.errors[0]?.message ?? '')}`,
          );
        return found(series);
      });
      loaded.runs.set(scenario.id, running);
    }
    return running;
  }

  /** The quantities of one linked outcome, or why there are none. */
  async quantities(
    outcome: Pick<SroiOutcome, 'id' | 'quantityLink' | 'startYear' | 'durationYears'>,
  ): Promise<LinkedQuantities> {
    const link = outcome.quantityLink;
    if (link === undefined) return { status: 'failed', message: 'The outcome is not linked.' };
    const failed = (message: string): LinkedQuantities => ({ status: 'failed', message });
    const loaded = await this.load(link.model);
    if (!loaded.ok) return failed(capitalised(loaded.message));
    const { model } = loaded.value;
    if (model.unitsPerYear === undefined)
      return failed(
        `“${model.name}” counts time in “${model.document.simSpecs.timeUnits ?? 'unnamed units'}”; a link needs years, quarters, months, weeks or days.`,
      );
    const [scenario, baseline] = await Promise.all([
      this.run(loaded.value, link.scenario),
      this.run(loaded.value, link.baseline),
    ]);
    if (!scenario.ok) return failed(capitalised(scenario.message));
    if (!baseline.ok) return failed(capitalised(baseline.message));
    const scenarioValues = seriesOf(scenario.value, link.variable);
    const baselineValues = seriesOf(baseline.value, link.variable);
    if (scenarioValues === undefined || baselineValues === undefined) {
      const known = model.info.variables.some((variable) => variable.id === canonicalName(link.variable));
      return failed(
        known
          ? `“${link.variable}” is not saved in the runs of “${model.name}”.`
          : `“${link.variable}” is not a variable of “${model.name}”.`,
      );
    }
    // Every year the model covers, so a sensitivity sweep can lengthen the outcome within the simulation.
    const years = Math.max(model.years, lastYearOf(outcome));
    const result = quantitiesFromRuns(
      outcome,
      { time: scenario.value.time, scenario: scenarioValues, baseline: baselineValues },
      { timeUnitsPerYear: model.unitsPerYear, startTime: model.info.specs.start, years },
    );
    if (!result.ok) return failed(result.errors.map((issue) => issue.message).join(' '));
    return {
      status: 'ready',
      quantities: result.value,
      model: model.name,
      timeUnits: model.document.simSpecs.timeUnits ?? '',
    };
  }

  /**
   * Whether the workspace has changed under the runs since they were made: a model saved again, a scenario edited,
   * added, renamed or deleted (the Dynamics view saves each change at once), a model added or renamed (a link that
   * named a missing model may find it now), or another instrument's figure a scenario links to. Asked when the page
   * comes back into view; a question that cannot be answered counts as no change, so a lost connection does not
   * re-run the models over and over.
   */
  async changedSince(): Promise<boolean> {
    try {
      const before = this.summaries === undefined ? undefined : await this.summaries;
      const summaries = await this.call('models.list', { projectId: this.projectId });
      if (before?.ok === true && summariesStamp(before.value) !== summariesStamp(summaries)) return true;
      const loadedModels = await Promise.all(this.loaded.values());
      const changed = await Promise.all(
        loadedModels.map(async (loaded) => {
          if (!loaded.ok) return false;
          const { model, stamp } = loaded.value;
          const summary = summaries.find((candidate) => candidate.id === model.id);
          if (summary === undefined) return true;
          const scenarios = await this.call('scenarios.list', { modelId: summary.id });
          return stampOf(summary, scenarios) !== stamp;
        }),
      );
      if (changed.includes(true)) return true;
      if (this.figures === undefined) return false;
      const figures = await this.call('links.figures', { projectId: this.projectId });
      return JSON.stringify(figures) !== JSON.stringify(await this.figures);
    } catch {
      return false;
    }
  }

  dispose(): void {
    for (const engine of this.engines) engine.dispose();
    this.engines.length = 0;
  }
}

/** What a model's runs depend on in the workspace: its text (by its save time) and each scenario (by its). */
const stampOf = (model: Pick<ModelSummary, 'id' | 'updatedAt'>, scenarios: readonly Scenario[]): string =>
  JSON.stringify([model.id, model.updatedAt, scenarios.map((scenario) => [scenario.id, scenario.updatedAt])]);

const summariesStamp = (summaries: readonly ModelSummary[]): string =>
  JSON.stringify(summaries.map((summary) => [summary.id, summary.name, summary.updatedAt]));

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
