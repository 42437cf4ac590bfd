import { useCallback, useId, useState } from 'react';
import type { MeasureDatasetId, MeasureDatasetSummary, Project } from '../../../electron/api/contract';
import { call } from '../api';
import { TabList, tabId, tabPanelId } from '../components/TabList';
import { useRememberedChoice } from '../components/use-chosen-record';
import { useWorkspaceList } from '../components/use-workspace-list';
import { CompareTab } from './compare/CompareTab';
import { DatasetDetail } from './datasets/DatasetDetail';
import { DatasetList } from './datasets/DatasetList';
import { ImportDatasetDialog } from './import/ImportDatasetDialog';
import { KpiTab } from './kpi/KpiTab';
import { ScalesTab } from './scales/ScalesTab';
import type { MeasureTabProps } from './tab-props';
import './measure.css';

const TABS = [
  { id: 'datasets', label: 'Data sets' },
  { id: 'scales', label: 'Scales' },
  { id: 'kpi', label: 'KPIs' },
  { id: 'compare', label: 'Compare' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const tabKey = 'empathy-workbench.measure.tab';
const selectedKey = (projectId: string): string => `empathy-workbench.measure.${projectId}`;

/**
 * The Measure section for one project (issue 10; people data by issue 11): the imported data sets (surveys, KPI
 * series, NPS answers, initiatives, experiments) with their tables and people-data settings, the import dialog,
 * and the tabs that score, chart and compare them. The list is what the workspace holds: every change reloads it.
 */
export function MeasureView({ project }: { readonly project: Project }) {
  const base = useId();
  const [tab, setTabState] = useState<TabId>(
    () => TABS.find((candidate) => candidate.id === localStorage.getItem(tabKey))?.id ?? 'datasets',
  );
  const [importing, setImporting] = useState(false);
  const [selectedId, select] = useRememberedChoice<MeasureDatasetId>(selectedKey(project.id));
  const load = useCallback(() => call('measure.list', { projectId: project.id }), [project.id]);
  const list = useWorkspaceList<MeasureDatasetSummary>(load);
  const datasets = list.state.status === 'ready' ? list.state.items : [];
  const selected = datasets.find((dataset) => dataset.id === selectedId);

  const setTab = (next: TabId) => {
    localStorage.setItem(tabKey, next);
    setTabState(next);
  };

  const tabProps: MeasureTabProps = {
    project,
    datasets,
    onDatasetChanged: () => void list.reload(),
  };

  return (
    <section className="view wide measure-view" aria-labelledby="instrument-title">
      <header className="view-header">
        <h1 id="instrument-title">Measure</h1>
        <div className="view-actions">
          <button type="button" className="primary" onClick={() => setImporting(true)}>
            Import a file…
          </button>
        </div>
      </header>
      <p className="lead">
        Survey answers scored with validated empathy scales, KPIs tracked over time, and before/after or A/B
        comparisons, imported from CSV files and kept in this workspace.
      </p>
      <TabList base={base} label="Measure pages" tabs={TABS} active={tab} onSelect={setTab} />
      <div id={tabPanelId(base)} role="tabpanel" aria-labelledby={tabId(base, tab)} className="measure-panel">
        {tab === 'scales' ? (
          <ScalesTab {...tabProps} />
        ) : tab === 'kpi' ? (
          <KpiTab {...tabProps} />
        ) : tab === 'compare' ? (
          <CompareTab {...tabProps} />
        ) : list.state.status === 'loading' ? (
          <p className="muted">Loading data sets…</p>
        ) : list.state.status === 'failed' ? (
          <div className="banner error" role="alert">
            <p>The data sets could not be loaded: {list.state.message}</p>
            <button type="button" onClick={() => void list.reload()}>
              Try again
            </button>
          </div>
        ) : (
          <>
            <DatasetList
              datasets={datasets}
              selectedId={selected?.id ?? null}
              onSelect={select}
              onImport={() => setImporting(true)}
              onRename={(id, name) => list.after(call('measure.rename', { id, name }))}
              onDelete={async (id) => {
                await list.after(call('measure.delete', { id }));
                if (id === selectedId) select(null);
              }}
            />
            {selected !== undefined ? (
              <DatasetDetail key={selected.id} summary={selected} onChanged={() => void list.reload()} />
            ) : null}
          </>
        )}
      </div>
      {importing ? (
        <ImportDatasetDialog
          projectId={project.id}
          onClose={() => setImporting(false)}
          onImported={(dataset) => {
            setImporting(false);
            setTab('datasets');
            select(dataset.id);
            void list.reload();
          }}
        />
      ) : null}
    </section>
  );
}
