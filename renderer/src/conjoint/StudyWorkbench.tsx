import { useId, useState } from 'react';
import { TabList, tabId, tabPanelId } from '../components/TabList';
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
  const running = estimation.state.status === 'running';

  return (
    <div className="study-workbench">
      <div className="study-heading">
        <h2>{record.name}</h2>
        <p className="muted small">{summary(record)}</p>
      </div>
      <TabList
        base={base}
        label="Study steps"
        tabs={STEPS.map((candidate) => ({
          id: candidate.id,
          label: (
            <>
              {candidate.label}
              {candidate.id === 'estimation' && running ? <span className="tab-busy"> (running)</span> : null}
            </>
          ),
        }))}
        active={step}
        onSelect={setStep}
      />
      <div id={tabPanelId(base)} role="tabpanel" aria-labelledby={tabId(base, step)} className="study-step">
        {step === 'study' ? <StudyEditor record={record} onChange={onChange} /> : null}
        {step === 'design' ? <DesignPanel record={record} onChange={onChange} /> : null}
        {step === 'responses' ? <ResponsesPanel record={record} onChange={onChange} /> : null}
        {step === 'estimation' ? <EstimationPanel record={record} estimation={estimation} /> : null}
        {step === 'simulator' ? <SimulatorPanel record={record} /> : null}
      </div>
    </div>
  );
}
