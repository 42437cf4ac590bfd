import { useEffect, useRef, useState } from 'react';
import type { ModelRecord, Project } from '../../../electron/api/contract';
import { call } from '../api';
import { ProblemBanner } from '../components/ProblemBanner';
import { ModelWorkbench } from './ModelWorkbench';
import { useModelList } from './session/use-model-list';

/** Where the chosen model of each project is remembered (also written by App when the OS opens a model). */
export const selectedModelKey = (projectId: string): string => `empathy-workbench.model.${projectId}`;

/** The Dynamics instrument for one project: pick or import a model, then work on it. */
export function DynamicsView({ project }: { readonly project: Project }) {
  const { state, importFile } = useModelList(project.id);
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    localStorage.getItem(selectedModelKey(project.id)),
  );
  const [record, setRecord] = useState<ModelRecord | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const models = state.status === 'ready' ? state.models : [];
  const chosen = models.find((model) => model.id === selectedId) ?? models[0];

  useEffect(() => {
    if (chosen === undefined) return;
    let cancelled = false;
    call('models.get', { id: chosen.id }).then(
      (loaded) => {
        if (!cancelled) setRecord(loaded);
      },
      (error: unknown) => {
        if (!cancelled) setProblem(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [chosen]);

  const choose = (id: string) => {
    localStorage.setItem(selectedModelKey(project.id), id);
    setSelectedId(id);
  };

  const onFile = async (file: File | undefined) => {
    if (file === undefined) return;
    setProblem(null);
    try {
      const model = await importFile(file);
      choose(model.id);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const importButton = (label: string, primary: boolean) => (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      onClick={() => fileInput.current?.click()}
    >
      {label}
    </button>
  );

  return (
    <section className="view wide" aria-labelledby="instrument-title">
      <header className="view-header">
        <h1 id="instrument-title">Dynamics</h1>
        <div className="view-actions">
          {models.length > 0 ? (
            <label className="inline-field">
              <span>Model</span>
              <select value={chosen?.id ?? ''} onChange={(event) => choose(event.target.value)}>
                {models.map((model) => (
                  <option key={model.id} value={model.id}>
                    {model.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {models.length > 0 ? importButton('Import XMILE…', false) : null}
          <input
            ref={fileInput}
            type="file"
            accept=".xmile,.stmx,.xml"
            hidden
            data-testid="xmile-file"
            onChange={(event) => {
              void onFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </div>
      </header>

      <ProblemBanner problem={problem} onDismiss={() => setProblem(null)} />

      {state.status === 'loading' ? <p className="muted">Loading models…</p> : null}
      {state.status === 'failed' ? (
        <div className="banner error" role="alert">
          <p>The models could not be loaded: {state.message}</p>
        </div>
      ) : null}

      {state.status === 'ready' && models.length === 0 ? (
        <div className="empty-state">
          <h2>No model in this project yet</h2>
          <p>
            Import a stock-and-flow model saved as XMILE (from Stella, from Vensim through xmutil, or any
            .xmile file). The sample project ships with the empathy reference model.
          </p>
          {importButton('Import an XMILE model…', true)}
        </div>
      ) : null}

      {record !== undefined && record.id === chosen?.id ? (
        <ModelWorkbench key={record.id} record={record} />
      ) : null}
    </section>
  );
}
