/**
 * One open model in the Dynamics view: its document and scenario overrides under undo/redo, the simulation
 * worker that runs them, and saving every change back to the workspace.
 *
 * - Editing the document (an equation, a rename, a new variable) recompiles in the worker, reruns the baseline
 *   (the model as it stands, no overrides) and the current run (with the overrides), and saves the model.
 * - Moving a slider only reruns the current run, through `runLatest`, so a drag redraws every frame.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { readXmile, writeXmile, type Diagnostic, type ModelDocument } from '../../../../model/sd';
import type { ModelRecord } from '../../../../electron/api/contract';
import { call } from '../../api';
import { SaveQueue, type SaveState } from '../../app/save-queue';
import { useQueuedSave } from '../../app/use-queued-save';
import { EngineClient, createSimulationWorker, type EnginePort } from '../engine/engine-client';
import type { ModelInfo, Overrides, RunSeries } from '../engine/protocol';
import { canRedo, canUndo, commit, preview, redo, startHistory, undo, type History } from './history';
import { WHATIF_INPUT_MARK } from './performance-marks';

export interface Snapshot {
  readonly document: ModelDocument;
  readonly overrides: Overrides;
}

/** `preview` changes what is shown without an undo step; `commit` ends the change with one step. */
export type ChangePhase = 'preview' | 'commit';

export type CompileState =
  | { readonly status: 'compiling' }
  | { readonly status: 'ready'; readonly info: ModelInfo }
  | { readonly status: 'failed'; readonly errors: readonly Diagnostic[] };

/** How long the document must stay unchanged before it is saved (typing in an equation is one save). */
const SAVE_DELAY_MS = 400;
/** How long to wait before recompiling while an equation is being typed. */
const COMPILE_DELAY_MS = 120;

const workingOverridesKey = (modelId: string): string => `empathy-workbench.overrides.${modelId}`;

function readWorkingOverrides(modelId: string): Overrides {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(workingOverridesKey(modelId)) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(
      Object.entries(stored).filter((entry): entry is [string, number] => Number.isFinite(entry[1])),
    );
  } catch {
    return {};
  }
}

/** Reads the saved text; the store only keeps text the engine could read, so a failure here is a bug. */
export function documentOf(record: ModelRecord): ModelDocument {
  const read = readXmile(record.xmile, record.name);
  if (!read.ok) throw new Error(read.errors.map((error) => error.message).join(' '));
  return read.value;
}

export function useDynamicsSession(
  record: ModelRecord,
  createPort: () => EnginePort = createSimulationWorker,
) {
  const [history, setHistory] = useState<History<Snapshot>>(() =>
    startHistory({ document: documentOf(record), overrides: readWorkingOverrides(record.id) }),
  );
  // The outcome of the last compile, with the document it was for: while the present document differs, the state
  // shown is 'compiling'.
  const [compiled, setCompiled] = useState<
    { readonly for: ModelDocument; readonly state: CompileState } | undefined
  >();
  const [baseline, setBaseline] = useState<RunSeries | undefined>();
  const [current, setCurrent] = useState<RunSeries | undefined>();
  const [runErrors, setRunErrors] = useState<readonly Diagnostic[]>([]);
  const [save, setSave] = useState<SaveState>({ status: 'saved' });

  const engine = useMemo(() => new EngineClient(createPort()), [createPort]);
  useEffect(() => () => engine.dispose(), [engine]);

  const { document, overrides } = history.present;
  const compile: CompileState = compiled?.for === document ? compiled.state : { status: 'compiling' };
  const overridesRef = useRef(overrides);
  useEffect(() => {
    overridesRef.current = overrides;
  }, [overrides]);

  // Recompile and rerun both runs when the document changes.
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void engine.load(document).then(async (loaded) => {
        if (cancelled) return;
        if (!loaded.ok) {
          setCompiled({ for: document, state: { status: 'failed', errors: loaded.errors } });
          return;
        }
        setCompiled({ for: document, state: { status: 'ready', info: loaded.info } });
        const outcome = await engine.run([{ overrides: {} }, { overrides: overridesRef.current }]);
        if (cancelled) return;
        if (!outcome.ok) {
          setRunErrors(outcome.errors);
          return;
        }
        setRunErrors([]);
        setBaseline(outcome.runs[0]);
        setCurrent(outcome.runs[1]);
      });
    }, COMPILE_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [document, engine]);

  // Rerun only the current run when the overrides change.
  useEffect(() => {
    if (compile.status !== 'ready') return;
    let cancelled = false;
    void engine.runLatest([{ overrides }]).then((outcome) => {
      if (cancelled || outcome === 'superseded') return;
      if (!outcome.ok) {
        setRunErrors(outcome.errors);
        return;
      }
      setRunErrors([]);
      setCurrent(outcome.runs[0]);
    });
    return () => {
      cancelled = true;
    };
    // compile is deliberately not a dependency: a recompile reruns both runs itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [overrides, engine]);

  // Save the document once it has been still for a moment (app/use-queued-save.ts: one save after another, busy
  // while waiting so closing the window saves it first, sent at once when the model is left). What is saved is
  // the text our writer makes, compared with the text of the document as opened, so opening a model never saves
  // a reformatted copy, and an undo back to what is saved sends nothing.
  const text = useMemo(() => writeXmile(document), [document]);
  // Made once: its state outlives renders (the id and name of a record never change under one session).
  const [saves] = useState(
    () =>
      new SaveQueue<string>(
        (xmile) => call('models.save', { id: record.id, xmile }),
        writeXmile(history.present.document),
        setSave,
      ),
  );
  useQueuedSave(saves, text, {
    delayMs: SAVE_DELAY_MS,
    label: () => `Edits to the model "${record.name}"`,
  });

  // Kept in this browser once a drag settles (not on every preview frame).
  useEffect(() => {
    const timer = setTimeout(
      () => localStorage.setItem(workingOverridesKey(record.id), JSON.stringify(overrides)),
      SAVE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [overrides, record.id]);

  const change = useCallback((next: Snapshot, phase: ChangePhase) => {
    setHistory((previous) => (phase === 'preview' ? preview(previous, next) : commit(previous, next)));
  }, []);

  const changeDocument = useCallback((next: ModelDocument, phase: ChangePhase = 'commit') => {
    setHistory((previous) => {
      const snapshot = { ...previous.present, document: next };
      return phase === 'preview' ? preview(previous, snapshot) : commit(previous, snapshot);
    });
  }, []);

  /** Sets one constant for this what-if (undefined removes the override, back to the model's value). */
  const setOverride = useCallback(
    (name: string, value: number | undefined, phase: ChangePhase = 'commit') => {
      if (phase === 'preview') performance.mark(WHATIF_INPUT_MARK);
      setHistory((previous) => {
        const { [name]: _removed, ...rest } = previous.present.overrides;
        const overrides = value === undefined ? rest : { ...rest, [name]: value };
        const snapshot = { ...previous.present, overrides };
        return phase === 'preview' ? preview(previous, snapshot) : commit(previous, snapshot);
      });
    },
    [],
  );

  /** Replaces all overrides in one step (loading a scenario, resetting to the model). */
  const setOverrides = useCallback((next: Overrides) => {
    setHistory((previous) => commit(previous, { ...previous.present, overrides: next }));
  }, []);

  return {
    record,
    document,
    overrides,
    engine,
    compile,
    baseline,
    current,
    runErrors,
    save,
    change,
    changeDocument,
    setOverride,
    setOverrides,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
  };
}

export type DynamicsSession = ReturnType<typeof useDynamicsSession>;
