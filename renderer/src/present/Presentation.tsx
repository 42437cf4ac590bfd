import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectId, StoryPage, StoryRecord } from '../../../electron/api/contract';
import { StoryPageView } from './StoryPageView';

const NEXT = new Set(['ArrowRight', 'PageDown', ' ', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'PageUp', 'ArrowUp']);

/** A control that uses the arrow keys and letters itself: a slider, a simulator's offer select or name. */
const isControl = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLSelectElement ||
  target instanceof HTMLTextAreaElement;

/** Pages whose view the presenter changes, and so can reset. */
const RESETTABLE = new Set<StoryPage['kind']>(['dynamics-chart', 'loop-dominance', 'conjoint-simulator']);

/**
 * Presentation mode: one page at a time, full screen when the browser allows it (the Fullscreen API can be
 * refused, e.g. without a user gesture; the overlay then simply fills the window), large type and high contrast
 * (present.css). Keys: next ArrowRight / PageDown / Space, previous ArrowLeft / PageUp, Home / End, R resets the
 * page shown (its sliders to the starting scenario, the simulator to its starting offers, the loop chart's
 * selection), Escape leaves. While a control has focus (a slider, an offer's select or name) its keys are its
 * own, as everywhere else.
 *
 * A page stays mounted once shown, hidden while another is, so going back to it finds it as the presenter left
 * it (moved sliders, changed offers): only R, page by page, goes back to the start. Leaving the presentation
 * drops it all.
 */
export function Presentation({
  projectId,
  story,
  onClose,
}: {
  readonly projectId: ProjectId;
  readonly story: StoryRecord;
  readonly onClose: () => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  /** The page shown, and every page shown so far (kept mounted). */
  const [visit, setVisit] = useState<{ readonly index: number; readonly shown: ReadonlySet<number> }>(() => ({
    index: 0,
    shown: new Set([0]),
  }));
  const { index, shown } = visit;
  /** How many times each page was reset: a page's views keep their changes for one count. */
  const [resets, setResets] = useState<readonly number[]>([]);
  const [windowed, setWindowed] = useState(false);
  const pages = story.document.pages;
  const last = Math.max(0, pages.length - 1);
  const reset = useCallback(
    (at: number) => setResets((before) => Object.assign([...before], { [at]: (before[at] ?? 0) + 1 })),
    [],
  );
  const go = useCallback(
    (to: (current: number) => number) =>
      setVisit((before) => {
        const next = Math.min(last, Math.max(0, to(before.index)));
        return {
          index: next,
          shown: before.shown.has(next) ? before.shown : new Set([...before.shown, next]),
        };
      }),
    [last],
  );

  useEffect(() => {
    const element = frame.current;
    if (element === null) return;
    element.focus();
    if (typeof element.requestFullscreen !== 'function') {
      setWindowed(true);
      return;
    }
    element.requestFullscreen().catch(() => setWindowed(true));
    // Leaving full screen by the browser's own means (its Escape) leaves the presentation too.
    const onChange = () => {
      if (document.fullscreenElement === null) onClose();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement === element) void document.exitFullscreen().catch(() => undefined);
    };
  }, [onClose]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape') onClose();
      else if (isControl(event.target)) return;
      else if (NEXT.has(event.key)) go((current) => current + 1);
      else if (PREVIOUS.has(event.key)) go((current) => current - 1);
      else if (event.key === 'Home') go(() => 0);
      else if (event.key === 'End') go(() => last);
      else if (event.key === 'r' || event.key === 'R') reset(index);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [go, index, last, onClose, reset]);

  const page = pages[index];
  const chartHeight = Math.max(320, Math.round(window.innerHeight * 0.5));
  return (
    <div
      ref={frame}
      className={`presentation${windowed ? ' windowed' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label={`Presenting “${story.name}”`}
      tabIndex={-1}
    >
      <div className="presentation-page" aria-live="polite">
        {page === undefined ? (
          <p className="story-page-body">This story has no pages yet.</p>
        ) : (
          pages.map((candidate, at) =>
            shown.has(at) || at === index ? (
              <div key={at} className="presentation-slot" hidden={at !== index}>
                <StoryPageView
                  projectId={projectId}
                  page={candidate}
                  resetCount={resets[at] ?? 0}
                  interactive
                  chartHeight={chartHeight}
                />
              </div>
            ) : null,
          )
        )}
      </div>
      <footer className="presentation-bar">
        <button type="button" onClick={() => go((current) => current - 1)} disabled={index === 0}>
          ← Previous
        </button>
        <span className="presentation-counter" data-testid="page-counter">
          {pages.length === 0 ? 0 : index + 1} / {pages.length}
        </span>
        <button type="button" onClick={() => go((current) => current + 1)} disabled={index >= last}>
          Next →
        </button>
        {page !== undefined && RESETTABLE.has(page.kind) ? (
          <button type="button" onClick={() => reset(index)} aria-keyshortcuts="R">
            Reset
          </button>
        ) : null}
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
          Leave
        </button>
      </footer>
    </div>
  );
}
