/**
 * The study's saved responses (compact: flat arrays of level indexes and numbers, see the conjoint document in
 * model/schema/conjoint-document.ts) back into the shapes model/conjoint estimates from. Each row's values are a view on one
 * Float64Array, so a 9,600-row study costs one allocation, and that array can be transferred to the worker.
 */
import type { ChoiceData, ChoiceTask, EstimationAttribute, RatingObservation, RatingsData } from './index';
import type { ChoiceResponses, RatingsResponses } from '../schema/conjoint-document';

const attributesOf = (responses: RatingsResponses | ChoiceResponses): EstimationAttribute[] =>
  responses.attributes.map((attribute) =>
    attribute.kind === 'categorical'
      ? { kind: 'categorical', name: attribute.name, levels: attribute.levels }
      : { kind: 'numeric', name: attribute.name, values: attribute.values },
  );

export function ratingsDataFromStored(responses: RatingsResponses): RatingsData {
  const width = responses.attributes.length;
  const values = Float64Array.from(responses.observations.values);
  const observations: RatingObservation[] = responses.observations.rating.map((rating, i) => ({
    respondent: responses.respondents[responses.observations.respondent[i] ?? 0] ?? '',
    rating,
    values: values.subarray(i * width, (i + 1) * width),
  }));
  return { attributes: attributesOf(responses), observations, respondents: responses.respondents };
}

export function choiceDataFromStored(responses: ChoiceResponses): ChoiceData {
  const width = responses.attributes.length;
  const values = Float64Array.from(responses.alternatives.values);
  const { respondent, label, alternatives, chosen } = responses.tasks;
  const tasks: ChoiceTask[] = [];
  let row = 0;
  chosen.forEach((chosenIndex, t) => {
    const count = alternatives[t] ?? 0;
    tasks.push({
      respondent: responses.respondents[respondent[t] ?? 0] ?? '',
      task: label[t] ?? String(t + 1),
      chosen: chosenIndex,
      alternatives: Array.from({ length: count }, (_, j) => {
        const index = row + j;
        const none = responses.alternatives.none[index] === 1;
        return {
          label: none ? 'none' : String(j + 1),
          none,
          values: values.subarray(index * width, (index + 1) * width),
        };
      }),
    });
    row += count;
  });
  return {
    attributes: attributesOf(responses),
    tasks,
    respondents: responses.respondents,
    hasNone: responses.hasNone,
  };
}
