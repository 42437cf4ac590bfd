import { useEffect, useState } from 'react';
import type { ConjointStudyRecord, StoryPage } from '../../../electron/api/contract';
import { call } from '../api';
import '../conjoint/conjoint.css';
import { SimulatorPanel } from '../conjoint/simulator/SimulatorPanel';

type SimulatorPage = Extract<StoryPage, { kind: 'conjoint-simulator' }>;

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly record: ConjointStudyRecord };

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A conjoint study's market simulator, live: the Conjoint page's own panel (offers built from the study's
 * levels, shares from its saved estimate), so the presenter changes an offer and the shares follow. The page
 * starts from the simulator's default offers; the presenter's reset (R) mounts the panel afresh, back to them.
 * Its styles are the Conjoint view's, scoped under `.conjoint`; present.css enlarges them.
 */
export function ConjointSimulatorPage({
  page,
  resetCount = 0,
}: {
  readonly page: SimulatorPage;
  readonly resetCount?: number;
}) {
  // The state names the study it was loaded for: a page pointed at another one shows "loading" until it is in.
  const [answer, setAnswer] = useState<{ readonly studyId: string; readonly loaded: Loaded }>();
  const loaded: Loaded = answer?.studyId === page.studyId ? answer.loaded : { status: 'loading' };
  useEffect(() => {
    let live = true;
    const studyId = page.studyId;
    call('conjoint.get', { id: studyId }).then(
      (record) => {
        if (live) setAnswer({ studyId, loaded: { status: 'ready', record } });
      },
      (error: unknown) => {
        if (live)
          setAnswer({
            studyId,
            loaded: { status: 'failed', message: `The study could not be shown: ${reason(error)}` },
          });
      },
    );
    return () => {
      live = false;
    };
  }, [page.studyId]);

  if (loaded.status === 'loading') return <p className="muted">Loading the study…</p>;
  if (loaded.status === 'failed') return <p className="present-problem">{loaded.message}</p>;
  return (
    <div className="conjoint present-simulator" data-testid="present-simulator">
      <SimulatorPanel key={resetCount} record={loaded.record} />
      <p className="present-source">{loaded.record.name}</p>
    </div>
  );
}
