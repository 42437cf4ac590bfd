import { useCallback, useEffect, useRef, useState } from 'react';
import type { Project, StoryPage, StoryRecord, StorySummary } from '../../../electron/api/contract';
import { call, desktop } from '../api';
import { Presentation } from './Presentation';
import { StoryEditor } from './StoryEditor';
import { StoryPageView } from './StoryPageView';
import './present.css';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The Present section (issue 9, point 1): the project's stories, an editor for the open one, presentation mode,
 * and the handout. Every edit is saved at once, one save after the other so a later edit never lands first.
 *
 * Handout: every page laid out one per sheet at its starting scenario (the print part of present.css), printed by
 * Electron's printToPDF through the preload (as the SROI report does) or by the browser's print dialog.
 */
export function PresentView({ project }: { readonly project: Project }) {
  const [stories, setStories] = useState<readonly StorySummary[] | undefined>();
  const [story, setStory] = useState<StoryRecord | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [presenting, setPresenting] = useState(false);
  const [handoutStatus, setHandoutStatus] = useState<string | undefined>();
  const saving = useRef<Promise<unknown>>(Promise.resolve());

  const refresh = useCallback(
    () =>
      call('stories.list', { projectId: project.id }).then(setStories, (error: unknown) =>
        setProblem(reason(error)),
      ),
    [project.id],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const create = async () => {
    try {
      const created = await call('stories.create', { projectId: project.id, name: 'Untitled story' });
      setStory(created);
      await refresh();
    } catch (error) {
      setProblem(reason(error));
    }
  };

  const open = async (summary: StorySummary) => {
    try {
      setStory(await call('stories.get', { id: summary.id }));
    } catch (error) {
      setProblem(reason(error));
    }
  };

  const changePages = (pages: readonly StoryPage[]) => {
    if (story === undefined) return;
    const document = { pages: [...pages] };
    setStory({ ...story, document });
    saving.current = saving.current
      .then(() => call('stories.update', { id: story.id, document }))
      .then(() => refresh())
      .catch((error: unknown) => setProblem(`The story could not be saved: ${reason(error)}`));
  };

  const rename = async (name: string) => {
    if (story === undefined || name.trim() === '' || name === story.name) return;
    try {
      setStory(await call('stories.rename', { id: story.id, name }));
      await refresh();
    } catch (error) {
      setProblem(reason(error));
    }
  };

  const remove = async () => {
    if (story === undefined) return;
    try {
      await call('stories.delete', { id: story.id });
      setStory(undefined);
      await refresh();
    } catch (error) {
      setProblem(reason(error));
    }
  };

  const handout = async () => {
    if (story === undefined) return;
    document.body.classList.add('story-printing');
    try {
      const printToPdf = desktop?.printToPdf;
      if (printToPdf === undefined) window.print();
      else {
        const result = await printToPdf(`${story.name} handout`);
        setHandoutStatus(
          !result.ok
            ? `The handout could not be saved: ${result.error.message}`
            : result.value.saved
              ? `Saved to ${result.value.path}`
              : undefined,
        );
      }
    } finally {
      document.body.classList.remove('story-printing');
    }
  };

  const stopPresenting = useCallback(() => setPresenting(false), []);

  return (
    <section className="view present-view" aria-labelledby="present-title">
      <header className="view-header no-print">
        <h1 id="present-title">Present</h1>
        <p className="muted">Project: {project.name}</p>
      </header>
      {problem === undefined ? null : (
        <div className="banner error no-print" role="alert">
          {problem}{' '}
          <button type="button" className="link" onClick={() => setProblem(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="present-layout no-print">
        <nav className="story-list" aria-label="Stories">
          <button type="button" className="primary" onClick={() => void create()}>
            New story
          </button>
          {stories !== undefined && stories.length === 0 ? (
            <div className="empty-state">
              <h2>Build a story from your live views</h2>
              <p>
                A story is a few pages (a chart with its sliders, the loop-dominance chart, a network, a
                conjoint market simulator, the SROI headline, a note) that you present full screen and hand
                out as a PDF.
              </p>
            </div>
          ) : (
            <ul>
              {stories?.map((summary) => (
                <li key={summary.id}>
                  <button
                    type="button"
                    className="link"
                    aria-current={summary.id === story?.id ? 'true' : undefined}
                    disabled={summary.problem !== undefined}
                    title={summary.problem}
                    onClick={() => void open(summary)}
                  >
                    {summary.name}
                  </button>{' '}
                  <span className="muted small">
                    {summary.pageCount} page{summary.pageCount === 1 ? '' : 's'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </nav>
        {story === undefined ? null : (
          <div className="story-detail">
            <div className="story-toolbar">
              <label>
                Story name
                <input
                  key={story.id + story.name}
                  defaultValue={story.name}
                  onBlur={(event) => void rename(event.target.value)}
                />
              </label>
              <button
                type="button"
                className="primary"
                disabled={story.document.pages.length === 0}
                onClick={() => setPresenting(true)}
              >
                Present
              </button>
              <button
                type="button"
                disabled={story.document.pages.length === 0}
                onClick={() => void handout()}
              >
                Handout (PDF)
              </button>
              <button type="button" onClick={() => void remove()}>
                Delete story
              </button>
              {handoutStatus === undefined ? null : <span className="muted small">{handoutStatus}</span>}
            </div>
            <StoryEditor projectId={project.id} pages={story.document.pages} onChange={changePages} />
          </div>
        )}
      </div>
      {story === undefined || presenting ? null : (
        <div className="story-handout" inert>
          {story.document.pages.map((page, index) => (
            <div className="story-sheet" key={index}>
              <StoryPageView projectId={project.id} page={page} interactive={false} chartHeight={420} />
            </div>
          ))}
        </div>
      )}
      {presenting && story !== undefined ? (
        <Presentation projectId={project.id} story={story} onClose={stopPresenting} />
      ) : null}
    </section>
  );
}
