import { useEffect, useRef, useState } from 'react';
import type { ProjectId, StoryRecord } from '../../../electron/api/contract';
import { StoryPageView } from './StoryPageView';

const NEXT = new Set(['ArrowRight', 'PageDown', ' ', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'PageUp', 'ArrowUp']);

const isSlider = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement && (target.type === 'range' || target.type === 'number');

/**
 * Presentation mode: one page at a time, full screen when the browser allows it (the Fullscreen API can be
 * refused, e.g. without a user gesture; the overlay then simply fills the window), large type and high contrast
 * (present.css). Keys: next ArrowRight / PageDown / Space, previous ArrowLeft / PageUp, Home / End, R resets the
 * page's sliders to its starting scenario, Escape leaves. While a slider has focus its arrow keys move the
 * slider, as they do everywhere else.
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
  const [index, setIndex] = useState(0);
  const [resetCount, setResetCount] = useState(0);
  const [windowed, setWindowed] = useState(false);
  const pages = story.document.pages;
  const last = Math.max(0, pages.length - 1);

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
      const slider = isSlider(event.target);
      if (event.key === 'Escape') onClose();
      else if (slider) return;
      else if (NEXT.has(event.key)) setIndex((current) => Math.min(last, current + 1));
      else if (PREVIOUS.has(event.key)) setIndex((current) => Math.max(0, current - 1));
      else if (event.key === 'Home') setIndex(0);
      else if (event.key === 'End') setIndex(last);
      else if (event.key === 'r' || event.key === 'R') setResetCount((count) => count + 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [last, onClose]);

  const page = pages[index];
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
          <StoryPageView
            key={index}
            projectId={projectId}
            page={page}
            resetCount={resetCount}
            interactive
            chartHeight={Math.max(320, Math.round(window.innerHeight * 0.5))}
          />
        )}
      </div>
      <footer className="presentation-bar">
        <button
          type="button"
          onClick={() => setIndex((current) => Math.max(0, current - 1))}
          disabled={index === 0}
        >
          ← Previous
        </button>
        <span className="presentation-counter" data-testid="page-counter">
          {pages.length === 0 ? 0 : index + 1} / {pages.length}
        </span>
        <button
          type="button"
          onClick={() => setIndex((current) => Math.min(last, current + 1))}
          disabled={index >= last}
        >
          Next →
        </button>
        {page?.kind === 'dynamics-chart' ? (
          <button type="button" onClick={() => setResetCount((count) => count + 1)} aria-keyshortcuts="R">
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
