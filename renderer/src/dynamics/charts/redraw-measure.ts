/**
 * The work part of slider-to-redraw: from the slider's input mark (session/performance-marks.ts) to the moment
 * the charts' DOM holds the new run, before the browser paints it. `whatif:slider-to-redraw` goes on to the
 * painted frame, so it is tied to the display's frame clock (a redraw shown in the next frame measures about
 * one frame whatever the work took); this one says how much of the frame the work used. `npm run bench` prints
 * both.
 */
import { WHATIF_INPUT_MARK } from '../session/performance-marks';

export const WHATIF_DRAWN_MEASURE = 'whatif:slider-to-drawn';

/** Called when the charts have drawn a run: measures from the latest slider input, if one is pending. */
export function measureDrawn(): void {
  if (performance.getEntriesByName(WHATIF_INPUT_MARK, 'mark').length === 0) return;
  performance.measure(WHATIF_DRAWN_MEASURE, WHATIF_INPUT_MARK);
}
