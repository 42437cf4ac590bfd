import type { MeasureTabProps } from '../tab-props';

/** STUB, to be written. */
export function ScalesTab(_props: MeasureTabProps) {
  return <p className="muted">Not yet.</p>;
}
