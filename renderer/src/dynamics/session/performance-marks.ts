/**
 * Performance marks of the what-if loop, read by `npm run bench` in Chromium: a slider input sets the first,
 * the chart sets the second once the frame showing the new run has been painted, and the measure between them is
 * the slider-to-redraw time (DESIGN.md budget: one 16 ms frame).
 */
export const WHATIF_INPUT_MARK = 'whatif:input';
export const WHATIF_PAINTED_MARK = 'whatif:painted';
export const WHATIF_MEASURE = 'whatif:slider-to-redraw';

/** Called by a chart after it drew a run: measures from the latest slider input to the next painted frame. */
export function markPainted(): void {
  if (performance.getEntriesByName(WHATIF_INPUT_MARK, 'mark').length === 0) return;
  // A requestAnimationFrame callback runs just before the frame is painted; a task queued from it runs just
  // after, which is when the new chart is on screen.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (performance.getEntriesByName(WHATIF_INPUT_MARK, 'mark').length === 0) return;
      performance.mark(WHATIF_PAINTED_MARK);
      performance.measure(WHATIF_MEASURE, WHATIF_INPUT_MARK, WHATIF_PAINTED_MARK);
      performance.clearMarks(WHATIF_INPUT_MARK);
    }, 0),
  );
}
