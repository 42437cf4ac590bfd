import { useId, useState, type KeyboardEvent } from 'react';
import type { ConjointStudyRecord } from '../../../electron/api/contract';
import { DesignPanel } from './design/DesignPanel';
import { StudyEditor } from './editor/StudyEditor';
import { EstimationPanel } from './estimation/EstimationPanel';
import { useEstimation } from './estimation/use-estimation';
import { ResponsesPanel } from './responses/ResponsesPanel';
import { SimulatorPanel } from './simulator/SimulatorPanel';

const STEPS = [
  { id: 'study', label: '1. Study' },
  { id: 'design', label: '2. Design' },
  { id: 'responses', label: '3. Responses' },
  { id: 'estimation', label: '4. Estimation' },
  { id: 'simulator', label: '5. Simulator' },
] as const;
type StepId = (typeof STEPS)[number]['id'];

const stepKey = (id: string): string => `empathy-workbench.conjoint-step.${id}`;

/** What the study holds, in one line under its name. */
function summary(record: ConjointStudyRecord): string {
  const { study, design, responses, estimations } = record.document;
  const parts = [`${study.attributes.length} attribute${study.attributes.length === 1 ? '' : 's'}`];
  if (design !== null)
    parts.push(
      design.kind === 'profiles'
        ? `${design.profiles.length} profiles`
        : `${design.versions.length} × ${design.versions[0]?.length ?? 0} choice tasks`,
    );
  if (responses !== null)
    parts.push(
      `${responses.respondents.length} respondents (${responses.kind === 'ratings' ? 'ratings' : 'choices'})`,
    );
  const estimated = Object.keys(estimations);
  if (estimated.length > 0)
    parts.push(`estimated: ${estimated.map((kind) => kind.toUpperCase()).join(', ')}`);
  return parts.join(' · ');
}

/**
 * One study, step by step: its definition, the design, the responses, the estimation and its results, and the
 * market simulator. Each step saves into the workspace as it goes; the estimation worker lives here so a run
 * continues while another step is open.
 */
export function StudyWorkbench({
  record,
  onChange,
}: {
  readonly record: ConjointStudyRecord;
  readonly onChange: (record: ConjointStudyRecord) => void;
}) {
  const [step, setStepState] = useState<StepId>(() => {
    const saved = localStorage.getItem(stepKey(record.id));
    return (
      STEPS.find((candidate) => candidate.id === saved)?.id ??
      (record.document.responses === null ? 'study' : 'estimation')
    );
  });
  const setStep = (next: StepId) => {
    localStorage.setItem(stepKey(record.id), next);
    setStepState(next);
  };
  const estimation = useEstimation(record, onChange);
  const base = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (move === 0) return;
    event.preventDefault();
    const next = STEPS[(index + move + STEPS.length) % STEPS.length];
    if (next === undefined) return;
    setStep(next.id);
    document.getElementById(`${base}-tab-${next.id}`)?.focus();
  };
  const running = estimation.state.status === 'running';

  return (
    <div className="study-workbench">
      <div className="study-heading">
        <h2>{record.name}</h2>
        <p className="muted small">{summary(record)}</p>
      </div>
      <div role="tablist" aria-label="Study steps" className="tablist">
        {STEPS.map((candidate, index) => (
          <button
            key={candidate.id}
            id={`${base}-tab-${candidate.id}`}
            type="button"
            role="tab"
            aria-selected={candidate.id === step}
            aria-controls={`${base}-panel`}
            tabIndex={candidate.id === step ? 0 : -1}
            className={candidate.id === step ? 'tab active' : 'tab'}
            onClick={() => setStep(candidate.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {candidate.label}
            {candidate.id === 'estimation' && running ? <span className="tab-busy"> (running)</span> : null}
          </button>
        ))}
      </div>
      <div
        id={`${base}-panel`}
        role="tabpanel"
        aria-labelledby={`${base}-tab-${step}`}
        className="study-step"
      >
        {step === 'study' ? <StudyEditor record={record} onChange={onChange} /> : null}
        {step === 'design' ? <DesignPanel record={record} onChange={onChange} /> : null}
        {step === 'responses' ? <ResponsesPanel record={record} onChange={onChange} /> : null}
        {step === 'estimation' ? <EstimationPanel record={record} estimation={estimation} /> : null}
        {step === 'simulator' ? <SimulatorPanel record={record} /> : null}
      </div>
    </div>
  );
}
