/**
 * A figure another instrument offers to the Dynamics model (DESIGN.md, "the instruments feed each other"): a
 * network's reciprocity, a conjoint study's willingness to pay, a measured KPI. A scenario's link
 * (scenario.ts, `links`) names one by instrument, document and figure key.
 */
export interface LinkableFigure {
  readonly instrument: 'network' | 'conjoint' | 'sroi' | 'measurement';
  /** The source document (a network, a study, ...), as a link's `source.documentId`. */
  readonly documentId: string;
  readonly documentName: string;
  /** The figure's key within the document, as a link's `source.figure` (e.g. "after.reciprocity"). */
  readonly figure: string;
  /** What a person reads, e.g. "Reciprocity of empathy ties (wave after)". */
  readonly label: string;
  /** The current value; null when the document cannot give it now (say, a study not estimated yet). */
  readonly value: number | null;
  readonly units?: string | undefined;
}

/** The value a link gives its constant: `scale * figure + offset` (both optional). */
export const linkedValue = (
  figure: number,
  link: { readonly scale?: number | undefined; readonly offset?: number | undefined },
): number => (link.scale ?? 1) * figure + (link.offset ?? 0);
