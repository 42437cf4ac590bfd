import { useId, useState } from 'react';
import { TabList, tabId, tabPanelId } from '../../components/TabList';
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
  const current = TABS.find((tab) => tab.id === active) ?? TABS[0];
  return (
    <section className="panel analysis-panel" aria-label="Analysis">
      <TabList base={base} label="Analyses" tabs={TABS} active={active} onSelect={setActive} />
      <div
        id={tabPanelId(base)}
        role="tabpanel"
        aria-labelledby={tabId(base, current.id)}
        className="tabpanel"
      >
        <current.Panel />
      </div>
    </section>
  );
}
