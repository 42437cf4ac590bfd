import type { ProjectId, StoryPage } from '../../../electron/api/contract';
import { ConjointSimulatorPage } from './ConjointSimulatorPage';
import { DynamicsChartPage } from './DynamicsChartPage';
import { LoopDominancePage } from './LoopDominancePage';
import { NetworkViewPage } from './NetworkViewPage';
import { SroiHeadlinePage } from './SroiHeadlinePage';

/** One page of a story: its title, the live view it names, and the presenter's note. */
export function StoryPageView({
  projectId,
  page,
  resetCount,
  interactive,
  chartHeight,
}: {
  readonly projectId: ProjectId;
  readonly page: StoryPage;
  readonly resetCount?: number;
  readonly interactive: boolean;
  readonly chartHeight: number;
}) {
  return (
    <article className={`story-page story-page-${page.kind}`}>
      {page.title === '' ? null : <h2 className="story-page-title">{page.title}</h2>}
      {page.kind === 'dynamics-chart' ? (
        <DynamicsChartPage
          projectId={projectId}
          page={page}
          resetCount={resetCount ?? 0}
          interactive={interactive}
          chartHeight={chartHeight}
        />
      ) : page.kind === 'sroi-headline' ? (
        <SroiHeadlinePage projectId={projectId} page={page} />
      ) : page.kind === 'loop-dominance' ? (
        <LoopDominancePage
          projectId={projectId}
          page={page}
          resetCount={resetCount ?? 0}
          chartHeight={chartHeight}
        />
      ) : page.kind === 'network-view' ? (
        <NetworkViewPage page={page} interactive={interactive} />
      ) : page.kind === 'conjoint-simulator' ? (
        <ConjointSimulatorPage page={page} resetCount={resetCount ?? 0} />
      ) : (
        <p className="story-page-body">{page.body}</p>
      )}
      {page.kind !== 'text' && page.note !== '' ? <p className="story-page-note">{page.note}</p> : null}
    </article>
  );
}
