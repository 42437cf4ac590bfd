/**
 * The handlers of the Conjoint instrument (studies, designs, responses, estimation) and regression (operations in api/parts/conjoint.operations.ts).
 * Each write reads, changes and saves the study in one IMMEDIATE transaction (the repository's `update`), so a
 * rejected import or a refused edit leaves the saved study exactly as it was.
 */
import type { Study } from '../../model/conjoint';
import { APP_VERSION } from '../app-info';
import type { Handlers } from '../api/dispatch';
import type { ConjointOperationName } from '../api/parts/conjoint.operations';
import { OperationError } from '../api/result';
import type { ConjointDocument, EstimationKind } from '../../model/schema/conjoint-document';
import { createConjointStudyRepository } from '../store/conjoint-studies';
import type { ServiceContext } from './context';
import { generateDesign } from './conjoint-design';
import { listInWords, planStudyEdit } from './conjoint-edit';
import { readResponses } from './conjoint-responses';

/** A new study's first draft: one categorical attribute and a numeric price, ready to be edited. */
export function starterStudy(name: string): Study {
  return {
    name,
    attributes: [
      {
        kind: 'categorical',
        name: 'reply_time',
        description: 'How soon a first reply comes',
        levels: ['within 1 hour', 'next day'],
      },
      { kind: 'numeric', name: 'price', description: 'Monthly fee', unit: 'EUR', levels: [0, 5, 10] },
    ],
    price: 'price',
    prohibitions: [],
  };
}

const emptyDocument = (study: Study): ConjointDocument => ({
  study,
  design: null,
  responses: null,
  estimations: {},
});

/** Which responses an estimation kind needs. */
const RESPONSES_FOR: Readonly<Record<EstimationKind, 'ratings' | 'choices'>> = {
  ratings: 'ratings',
  mnl: 'choices',
  hb: 'choices',
};

export function conjointHandlers(context: ServiceContext): Pick<Handlers, ConjointOperationName> {
  const studies = createConjointStudyRepository(context.workspace.db, () => new Date());
  return {
    'conjoint.list': ({ projectId }) => studies.list(projectId),
    'conjoint.get': ({ id }) => studies.get(id),
    'conjoint.create': ({ projectId, name, study }) =>
      studies.create(projectId, emptyDocument({ ...(study ?? starterStudy(name)), name })),
    'conjoint.rename': ({ id, name }) =>
      studies.update(id, ({ document }) => ({ ...document, study: { ...document.study, name } })),
    'conjoint.delete': ({ id }) => {
      studies.delete(id);
      return { id };
    },
    'conjoint.save': ({ id, study, discard }) =>
      studies.update(id, ({ name, document }) => {
        // The name changes through rename, which checks it is free; a save keeps the saved one.
        const plan = planStudyEdit(document, { ...study, name });
        if (plan.discarded.length > 0 && !discard)
          throw new OperationError(
            'conflict',
            `This change drops ${listInWords(plan.discarded)}, which no longer fit the study. Confirm to go ahead.`,
          );
        return plan.document;
      }),
    'conjoint.generateDesign': ({ id, design }) =>
      studies.update(id, ({ document }) => ({
        ...document,
        design: generateDesign(document.study, design, new Date()),
      })),
    'conjoint.importResponses': ({ id, ...request }) => {
      let answer: ReturnType<typeof readResponses> | undefined;
      const saved = (() => {
        try {
          return studies.update(id, ({ document }) => {
            answer = readResponses(document.study, document.design, request, new Date());
            // Rejected: throw, so the transaction writes nothing; the problems go back as data below.
            if (!answer.ok) throw new RejectedImport();
            // New data retire the estimates made from the old data.
            return { ...document, responses: answer.responses, estimations: {} };
          });
        } catch (error) {
          if (error instanceof RejectedImport) return undefined;
          throw error;
        }
      })();
      if (saved !== undefined) return { status: 'imported', study: saved };
      if (answer === undefined || answer.ok)
        throw new OperationError('internal', 'The import was refused without a reason.');
      return { status: 'rejected', problems: answer.problems, totalProblems: answer.totalProblems };
    },
    'conjoint.saveEstimation': ({ id, estimation }) =>
      studies.update(id, ({ document }) => {
        const responses = document.responses;
        if (responses === null)
          throw new OperationError('conflict', 'The study has no responses, so it has nothing to estimate.');
        if (responses.kind !== RESPONSES_FOR[estimation.kind])
          throw new OperationError(
            'invalid-input',
            `A ${estimation.kind} estimate needs ${RESPONSES_FOR[estimation.kind]} data; the study holds ${responses.kind}.`,
          );
        if (responses.source.dataHash !== estimation.dataHash)
          throw new OperationError(
            'conflict',
            'The responses were replaced while this estimate ran, so it was not saved. Run it again on the new data.',
          );
        return {
          ...document,
          estimations: {
            ...document.estimations,
            [estimation.kind]: { ...estimation, appVersion: APP_VERSION },
          },
        };
      }),
  };
}

/** Unwinds the import's transaction when the file has problems (they are answered as data, not as an error). */
class RejectedImport extends Error {
  constructor() {
    super('the response file has problems');
    this.name = 'RejectedImport';
  }
}
