import { useEffect, useMemo, useState } from 'react';
import { writeXmile } from '../../../model/sd';
import type { ModelRecord } from '../../../electron/api/contract';
import { SaveAndUndo, SaveFailedBanner } from '../components/EditingControls';
import { AnalysisPanel } from './analysis/AnalysisPanel';
import { ChartsPanel } from './charts/ChartsPanel';
import { DiagramPanel } from './diagram/DiagramPanel';
import { downloadText } from './download';
import { InspectorPanel } from './inspector/InspectorPanel';
import { ScenariosPanel } from './scenarios/ScenariosPanel';
import { DynamicsContext } from './session/dynamics-context';
import { useDynamicsSession } from './session/use-dynamics-session';
import { WhatIfPanel } from './whatif/WhatIfPanel';

const NOTHING_HIGHLIGHTED: ReadonlySet<string> = new Set();

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** One open model: toolbar, diagram and inspector, sliders, charts and scenarios around one session. */
export function ModelWorkbench({ record }: { readonly record: ModelRecord }) {
  const session = useDynamicsSession(record);
  const [selected, select] = useState<string | undefined>();
  const [highlighted, highlight] = useState<ReadonlySet<string>>(NOTHING_HIGHLIGHTED);
  const context = useMemo(
    () => ({ session, selected, select, highlighted, highlight }),
    [session, selected, highlighted],
  );
  const { undo, redo } = session;

  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (and Ctrl+Y) undo and redo model changes, except inside a text field,
  // where they keep undoing the typing.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);

  return (
    <DynamicsContext.Provider value={context}>
      <div className="model-workbench">
        <div className="toolbar" role="toolbar" aria-label="Model">
          <h2 className="model-name">{record.name}</h2>
          <SaveAndUndo session={session} />
          <button
            type="button"
            onClick={() =>
              downloadText(`${record.name}.xmile`, 'application/xml', writeXmile(session.document))
            }
          >
            Export XMILE
          </button>
        </div>
        <SaveFailedBanner save={session.save} />
        <div className="dynamics-grid">
          <div className="area-diagram">
            <DiagramPanel highlighted={highlighted} />
          </div>
          <div className="area-inspector">
            <InspectorPanel />
          </div>
          <div className="area-whatif">
            <WhatIfPanel />
          </div>
          <div className="area-charts">
            <ChartsPanel />
          </div>
          <div className="area-scenarios">
            <ScenariosPanel />
          </div>
          <div className="area-analysis">
            <AnalysisPanel />
          </div>
        </div>
      </div>
    </DynamicsContext.Provider>
  );
}
