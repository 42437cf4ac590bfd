import { useEffect, useState } from 'react';
import { evaluateAnalysis, type QuantitiesByYear, type SroiEvaluation } from '../../../model/sroi';
import type { ProjectId, StoryPage } from '../../../electron/api/contract';
import { call } from '../api';
import { headlineSentence } from '../sroi/format';
import { LinkedRunSource } from '../sroi/link/linked-runs';
import { HeadlineFigures } from '../sroi/results/HeadlineFigures';

type HeadlinePage = Extract<StoryPage, { kind: 'sroi-headline' }>;

type Headline =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly value: SroiEvaluation; readonly currency: string | undefined };

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The analysis's answer in large type: the ratio in the Guide's words, present value, inputs and NPV, evaluated
 * as the SROI view evaluates it (model/sroi, with linked quantities run from their Dynamics scenarios).
 */
export function SroiHeadlinePage({
  projectId,
  page,
}: {
  readonly projectId: ProjectId;
  readonly page: HeadlinePage;
}) {
  const [headline, setHeadline] = useState<Headline>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const source = new LinkedRunSource(projectId, call);
    void (async () => {
      try {
        const { document } = await call('sroi.get', { id: page.analysisId });
        const quantitiesByYear: Record<string, readonly number[]> = {};
        await Promise.all(
          document.outcomes
            .filter((outcome) => outcome.quantityLink !== undefined)
            .map(async (outcome) => {
              const linked = await source.quantities(outcome);
              if (linked.status === 'ready') quantitiesByYear[outcome.id] = linked.quantities;
            }),
        );
        const evaluation = evaluateAnalysis(document, {
          quantitiesByYear: quantitiesByYear as QuantitiesByYear,
        });
        if (!live) return;
        setHeadline(
          evaluation.ok
            ? { status: 'ready', value: evaluation.value, currency: document.currency }
            : {
                status: 'failed',
                message: `“${document.name}” cannot be evaluated: ${evaluation.errors[0]?.message ?? ''}`,
              },
        );
      } catch (error) {
        if (live)
          setHeadline({ status: 'failed', message: `The analysis could not be shown: ${reason(error)}` });
      }
    })();
    return () => {
      live = false;
      source.dispose();
    };
  }, [projectId, page.analysisId]);

  if (headline.status === 'loading') return <p className="muted">Evaluating the analysis…</p>;
  if (headline.status === 'failed') return <p className="present-problem">{headline.message}</p>;
  const { value, currency } = headline;
  return (
    <div className="present-headline" data-ratio={value.ratio}>
      <p className="present-headline-sentence">{headlineSentence(value.ratio, currency)}</p>
      <HeadlineFigures value={value} currency={currency} className="present-figures" />
    </div>
  );
}
