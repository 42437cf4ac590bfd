import { useEffect, useId, useMemo, useState } from 'react';
import { SaveAndUndo, SaveFailedBanner } from '../components/EditingControls';
import { TabList, tabId, tabPanelId } from '../components/TabList';
import type { SroiAnalysisRecord } from '../../../electron/api/contract';
import { evaluateAnalysis, validateAnalysis } from '../../../model/sroi';
import { AnalysisEditor } from './editor/AnalysisEditor';
import { placeIssues } from './editor/cell-issues';
import { ExportMenu } from './export/ExportMenu';
import { LinkPanel } from './link/LinkPanel';
import { useLinkedQuantities } from './link/use-linked-quantities';
import { ReportView } from './report/ReportView';
import { HeadlineStrip } from './results/HeadlineStrip';
import { ResultsPanel } from './results/ResultsPanel';
import { RenameAnalysisDialog } from './list/RenameAnalysisDialog';
import { SensitivityPanel } from './sensitivity/SensitivityPanel';
import {
  readSensitivitySettings,
  writeSensitivitySettings,
  type SensitivitySettings,
} from './sensitivity/sensitivity-settings';
import { SroiContext, type SroiWorkbenchState } from './session/sroi-context';
import { useSroiSession } from './session/use-sroi-session';

const TABS = [
  { id: 'map', label: 'Impact map', Panel: AnalysisEditor },
  { id: 'results', label: 'Results', Panel: ResultsPanel },
  { id: 'sensitivity', label: 'Sensitivity', Panel: SensitivityPanel },
  { id: 'link', label: 'Dynamics link', Panel: LinkPanel },
  { id: 'report', label: 'Report', Panel: ReportView },
] as const;

export type WorkbenchTab = (typeof TABS)[number]['id'];

const isUndoKey = (event: globalThis.KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z';
const isRedoKey = (event: globalThis.KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) &&
  !event.altKey &&
  ((event.key.toLowerCase() === 'z' && event.shiftKey) || event.key.toLowerCase() === 'y');

/**
 * One open analysis: toolbar (name, save state, undo/redo, exports), the headline ratio, and the tabs of issue 8
 * (impact map editor, results, sensitivity, the link to Dynamics, the printable report) around one session.
 */
export function SroiWorkbench({
  record,
  onClose,
  onRenamed,
}: {
  readonly record: SroiAnalysisRecord;
  readonly onClose: () => void;
  readonly onRenamed: () => void;
}) {
  const session = useSroiSession(record);
  const { document } = session;
  const linked = useLinkedQuantities(record.projectId, document.outcomes);
  const { quantitiesByYear } = linked;
  const issues = useMemo(() => validateAnalysis(document, quantitiesByYear), [document, quantitiesByYear]);
  const evaluation = useMemo(
    () => evaluateAnalysis(document, { quantitiesByYear }),
    [document, quantitiesByYear],
  );
  const [sensitivity, setSensitivityState] = useState(() => readSensitivitySettings(record.id));
  const [active, setActive] = useState<WorkbenchTab>('map');
  const [renaming, setRenaming] = useState(false);
  const base = useId();

  const state = useMemo(
    (): SroiWorkbenchState => ({
      session,
      linked,
      issues,
      placed: placeIssues(issues, document),
      evaluation,
      currency: document.currency,
      sensitivity,
      setSensitivity: (next: SensitivitySettings) => {
        setSensitivityState(next);
        writeSensitivitySettings(record.id, next);
      },
    }),
    [session, linked, issues, document, evaluation, sensitivity, record.id],
  );

  // The report is what is printed: while it is open, the page's print stylesheet shows it alone.
  useEffect(() => {
    if (active !== 'report') return;
    window.document.body.classList.add('sroi-printing');
    return () => window.document.body.classList.remove('sroi-printing');
  }, [active]);

  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and redo the analysis from anywhere on the page, cells
  // included: each cell's typing is already one step of it. A dialog (rename) keeps its own text undo.
  const { undo, redo } = session;
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.target instanceof Element && event.target.closest('dialog') !== null) return;
      if (isRedoKey(event)) redo();
      else if (isUndoKey(event)) undo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);

  const current = TABS.find((tab) => tab.id === active) ?? TABS[0];

  return (
    <SroiContext.Provider value={state}>
      <div className="sroi-workbench">
        <div className="toolbar sroi-toolbar" role="toolbar" aria-label="SROI analysis">
          <button type="button" className="link" onClick={onClose}>
            ← All analyses
          </button>
          <h2 className="model-name" title={session.name}>
            {session.name}
          </h2>
          <button type="button" className="link" onClick={() => setRenaming(true)}>
            Rename…
          </button>
          <SaveAndUndo session={session} />
          <ExportMenu />
        </div>
        <SaveFailedBanner save={session.save} />
        <HeadlineStrip onShowIssues={() => setActive('map')} />
        <TabList
          base={base}
          label="SROI analysis views"
          className="tablist sroi-tabs"
          tabs={TABS}
          active={active}
          onSelect={setActive}
        />
        <div
          id={tabPanelId(base)}
          role="tabpanel"
          aria-labelledby={tabId(base, current.id)}
          className="sroi-tabpanel"
        >
          <current.Panel />
        </div>
      </div>
      <RenameAnalysisDialog
        open={renaming}
        name={session.name}
        onClose={() => setRenaming(false)}
        onRename={async (name) => {
          await session.rename(name);
          onRenamed();
        }}
      />
    </SroiContext.Provider>
  );
}
