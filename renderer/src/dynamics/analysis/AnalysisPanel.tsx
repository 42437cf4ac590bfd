import { useId, useState, type KeyboardEvent } from 'react';
import { CalibrationPanel } from '../calibration/CalibrationPanel';
import { LoopsPanel } from '../loops/LoopsPanel';
import { SensitivityPanel } from '../sensitivity/SensitivityPanel';

const TABS = [
  { id: 'sensitivity', label: 'Sensitivity', Panel: SensitivityPanel },
  { id: 'loops', label: 'Loops', Panel: LoopsPanel },
  { id: 'calibration', label: 'Calibration', Panel: CalibrationPanel },
] as const;

type TabId = (typeof TABS)[number]['id'];

/**
 * The analyses of the open model, as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, the panel follows):
 * sensitivity (Monte Carlo), feedback loops and their dominance, calibration to data.
 */
export function AnalysisPanel() {
  const [active, setActive] = useState<TabId>('sensitivity');
  const base = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (next === undefined) return;
    setActive(next.id);
    document.getElementById(`${base}-tab-${next.id}`)?.focus();
  };
  const current = TABS.find((tab) => tab.id === active) ?? TABS[0];
  return (
    <section className="panel analysis-panel" aria-label="Analysis">
      <div role="tablist" aria-label="Analyses" className="tablist">
        {TABS.map((tab, index) => (
          <button
            key={tab.id}
            id={`${base}-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === active}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === active ? 0 : -1}
            className={tab.id === active ? 'tab active' : 'tab'}
            onClick={() => setActive(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        id={`${base}-panel`}
        role="tabpanel"
        aria-labelledby={`${base}-tab-${current.id}`}
        className="tabpanel"
      >
        <current.Panel />
      </div>
    </section>
  );
}
