/**
 * What an edit of the study definition does to the rest of the document. Responses and designs are stored as
 * level indexes, so renaming an attribute or a level keeps them; changing the structure (attributes added,
 * removed, reordered, a kind, a level count, a numeric level's value) makes them describe another study. Estimates
 * name levels and the price, so any change to those retires them. A prohibition that the design breaks retires
 * the design. Nothing is dropped without the caller saying so: `planStudyEdit` lists what would go, and the
 * handler refuses (conflict) until the edit is confirmed.
 */
import { isProhibited, type Study } from '../../model/conjoint';
import type { ConjointDocument, ConjointResponses } from '../../model/schema/conjoint-document';

export interface StudyEditPlan {
  readonly document: ConjointDocument;
  /** What the edit drops, in words ("the design", "the responses", "the estimates"). */
  readonly discarded: readonly string[];
}

/** Kinds, level counts and numeric values, in order: what indexes and numbers in the data refer to. */
const structureOf = (study: Study): string =>
  JSON.stringify(
    study.attributes.map((attribute) =>
      attribute.kind === 'numeric' ? ['numeric', attribute.levels] : ['categorical', attribute.levels.length],
    ),
  );

const labelsOf = (study: Study): string =>
  JSON.stringify(study.attributes.map((attribute) => [attribute.name, attribute.levels]));

/** The responses with the new names and labels (same structure, so the indexes still hold). */
function relabel(responses: ConjointResponses, study: Study): ConjointResponses {
  return {
    ...responses,
    attributes: responses.attributes.map((attribute, a) => {
      const studied = study.attributes[a];
      if (studied === undefined) return attribute;
      if (attribute.kind === 'categorical' && studied.kind === 'categorical')
        return { ...attribute, name: studied.name, levels: studied.levels };
      return { ...attribute, name: studied.name };
    }),
  };
}

function designBreaks(document: ConjointDocument, study: Study): boolean {
  const design = document.design;
  if (design === null) return false;
  const profiles =
    design.kind === 'profiles' ? design.profiles : design.versions.flatMap((tasks) => tasks.flat());
  return profiles.some((profile) => isProhibited(study, profile));
}

export function planStudyEdit(current: ConjointDocument, study: Study): StudyEditPlan {
  const discarded: string[] = [];
  const hasEstimates = Object.values(current.estimations).some((estimate) => estimate !== undefined);
  const structural = structureOf(current.study) !== structureOf(study);
  const relabelled = labelsOf(current.study) !== labelsOf(study);
  const priceChanged = current.study.price !== study.price;

  let design = current.design;
  let responses = current.responses;
  let estimations = current.estimations;
  if (structural) {
    if (design !== null) discarded.push('the design');
    if (responses !== null) discarded.push('the responses');
    design = null;
    responses = null;
  } else {
    if (responses !== null && relabelled) responses = relabel(responses, study);
    if (designBreaks(current, study)) {
      discarded.push('the design (it shows a combination the study now prohibits)');
      design = null;
    }
  }
  if (hasEstimates && (structural || relabelled || priceChanged)) {
    discarded.push('the estimates');
    estimations = {};
  }
  return { document: { study, design, responses, estimations }, discarded };
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
