/**
 * The figures a conjoint study offers to the Dynamics model (see figures.ts): with a numeric price, the
 * willingness to pay for each level of every other attribute (against its reference level) and per unit of a
 * numeric one, from each estimate that has it. A study whose estimate is not there yet still lists the figures
 * its responses will give, valued null, so a scenario can be linked before the estimate is run.
 *
 * Keys: `wtp.<kind>.<attribute>:<level>` for a level, `wtp.<kind>.<attribute>` per unit of a numeric attribute
 * (the coefficient names of the estimation report, prefixed by the estimation kind, which the link records).
 */
import type { LinkableFigure } from '../../model/schema/figure';
import type { ConjointStudyRecord, EstimationKind } from '../../model/schema/conjoint-document';
import { createConjointStudyRepository } from '../store/conjoint-studies';
import type { FigureProvider } from './figures';

const KIND_WORDS: Readonly<Record<EstimationKind, string>> = {
  ratings: 'ratings OLS',
  mnl: 'MNL',
  hb: 'hierarchical Bayes',
};

interface WtpSlot {
  readonly key: string;
  readonly label: string;
}

/** Every WTP figure the study definition allows: each level but the reference, each numeric attribute per unit. */
function wtpSlots(study: ConjointStudyRecord['document']['study']): WtpSlot[] {
  return study.attributes
    .filter((attribute) => attribute.name !== study.price)
    .flatMap((attribute): WtpSlot[] => {
      if (attribute.kind === 'numeric')
        return [
          {
            key: attribute.name,
            label: `Willingness to pay per unit of "${attribute.name}"${attribute.unit === undefined ? '' : ` (${attribute.unit})`}`,
          },
        ];
      const reference = attribute.levels[0] ?? '';
      return attribute.levels.slice(1).map((level) => ({
        key: `${attribute.name}:${level}`,
        label: `Willingness to pay for "${attribute.name}: ${level}" over "${reference}"`,
      }));
    });
}

/** The kinds whose WTP the study can give: what is estimated, else what its responses allow. */
function kindsOf(record: ConjointStudyRecord): EstimationKind[] {
  const { responses, estimations } = record.document;
  const estimated = (['ratings', 'mnl', 'hb'] as const).filter((kind) => estimations[kind] !== undefined);
  if (estimated.length > 0) return [...estimated];
  if (responses === null) return [];
  return responses.kind === 'ratings' ? ['ratings'] : ['mnl', 'hb'];
}

export function studyFigures(record: ConjointStudyRecord): LinkableFigure[] {
  const study = record.document.study;
  const price = study.attributes.find((attribute) => attribute.name === study.price);
  if (price === undefined || price.kind !== 'numeric') return [];
  const units = price.unit ?? `units of ${price.name}`;
  const slots = wtpSlots(study);
  return kindsOf(record).flatMap((kind) => {
    const estimate = record.document.estimations[kind];
    const entries = estimate?.report.willingnessToPay ?? [];
    return slots.map((slot) => {
      const entry = entries.find((candidate) =>
        candidate.level === undefined
          ? candidate.attribute === slot.key
          : `${candidate.attribute}:${candidate.level}` === slot.key,
      );
      return {
        instrument: 'conjoint' as const,
        documentId: record.id,
        documentName: record.name,
        figure: `wtp.${kind}.${slot.key}`,
        label: `${slot.label} (${KIND_WORDS[kind]}${estimate === undefined ? ', not estimated yet' : ''})`,
        value: entry?.value ?? null,
        units,
      };
    });
  });
}

export const conjointFigures: FigureProvider = (context, projectId) => {
  const studies = createConjointStudyRepository(context.workspace.db, () => new Date());
  return studies.list(projectId).flatMap((summary) => {
    // One damaged study must not hide the others' figures.
    try {
      return studyFigures(studies.get(summary.id));
    } catch {
      return [];
    }
  });
};
