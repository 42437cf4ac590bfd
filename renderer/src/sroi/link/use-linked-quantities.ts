/**
 * The linked outcomes' quantities for the open analysis, kept in step with their links: a link that changes is
 * run again (its model and scenarios come from the source's caches when they are already loaded), the others keep
 * their quantities, so typing elsewhere in the impact map never re-runs a model. A fresh source (new models, scenarios
 * and runs) is started by "Run again", and by itself when the page comes back into view and the workspace has
 * changed under the runs (LinkedRunSource.changedSince), so the SROI follows a scenario edited elsewhere.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProjectId } from '../../../../electron/api/contract';
import { lastYearOf, type QuantitiesByYear, type SroiOutcome } from '../../../../model/sroi';
import { call } from '../../api';
import type { EnginePort } from '../../dynamics/engine/engine-client';
import { LinkedRunSource, type LinkedQuantities } from './linked-runs';

const linkKey = (outcome: SroiOutcome): string => JSON.stringify(outcome.quantityLink ?? null);
const NOTHING_RUN: ReadonlyMap<string, LinkedQuantities> = new Map();

interface LinkedRow {
  readonly id: string;
  readonly key: string;
  readonly lastYear: number;
}

export interface LinkedOutcomes {
  readonly source: LinkedRunSource;
  /** By outcome id, for every outcome with a link. */
  readonly byOutcome: ReadonlyMap<string, LinkedQuantities>;
  /** The simulated quantities to evaluate with: ready links whose runs cover the outcome's years. */
  readonly quantitiesByYear: QuantitiesByYear;
  readonly running: boolean;
  readonly runAgain: () => void;
}

/** A ready link whose runs end before the outcome does cannot give it a quantity for every year. */
function fitted(lastYear: number, linked: LinkedQuantities): LinkedQuantities {
  if (linked.status !== 'ready') return linked;
  if (linked.quantities.length >= lastYear) return linked;
  return {
    status: 'failed',
    message: `“${linked.model}” covers ${linked.quantities.length} years; this outcome lasts until year ${lastYear}.`,
  };
}

export function useLinkedQuantities(
  projectId: ProjectId,
  outcomes: readonly SroiOutcome[],
  createPort?: () => EnginePort,
): LinkedOutcomes {
  const [generation, setGeneration] = useState(0);
  const source = useMemo(
    () => new LinkedRunSource(projectId, call, createPort),
    // A new generation is a new source: fresh model text, scenarios and runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [projectId, createPort, generation],
  );
  useEffect(() => () => source.dispose(), [source]);

  const [results, setResults] = useState<{
    readonly source: LinkedRunSource;
    readonly byKey: ReadonlyMap<string, LinkedQuantities>;
  }>({ source, byKey: new Map() });
  const byKey = results.source === source ? results.byKey : NOTHING_RUN;

  const linked = outcomes.filter((outcome) => outcome.quantityLink !== undefined);
  const wanted = [...new Set(linked.map(linkKey))].filter((key) => !byKey.has(key));
  const wantedKey = wanted.join('\n');

  useEffect(() => {
    if (wantedKey === '') return;
    let cancelled = false;
    const keys = wantedKey.split('\n');
    void Promise.all(
      keys.map(async (key) => {
        const link = JSON.parse(key) as SroiOutcome['quantityLink'];
        // Years come from the model; the outcome's own span is checked when the quantities are used (fitted).
        const quantities = await source.quantities({
          id: 'link',
          quantityLink: link,
          startYear: 1,
          durationYears: 1,
        });
        return [key, quantities] as const;
      }),
    ).then((entries) => {
      if (cancelled) return;
      setResults((previous) => {
        const base = previous.source === source ? previous.byKey : new Map<string, LinkedQuantities>();
        return { source, byKey: new Map([...base, ...entries]) };
      });
    });
    return () => {
      cancelled = true;
    };
  }, [wantedKey, source]);

  // One line per linked outcome; the results below are recomputed only when it or the runs change.
  const signature = JSON.stringify(
    linked.map((outcome): LinkedRow => ({
      id: outcome.id,
      key: linkKey(outcome),
      lastYear: lastYearOf(outcome),
    })),
  );
  const { byOutcome, quantitiesByYear } = useMemo(() => {
    const rows = JSON.parse(signature) as LinkedRow[];
    const states = new Map<string, LinkedQuantities>();
    const quantities: Record<string, readonly number[]> = {};
    for (const row of rows) {
      if (states.has(row.id)) continue; // a duplicate id is an issue of its own
      const result = fitted(row.lastYear, byKey.get(row.key) ?? { status: 'running' });
      states.set(row.id, result);
      if (result.status === 'ready') quantities[row.id] = result.quantities;
    }
    return { byOutcome: states, quantitiesByYear: quantities };
  }, [signature, byKey]);

  const runAgain = useCallback(() => setGeneration((value) => value + 1), []);

  // A scenario edited elsewhere (the Dynamics view in another window or browser tab, a colleague on the same
  // workspace) is picked up when this page comes back into view; moving between sections in one page needs no
  // check, since the SROI view is built afresh each time it is opened.
  const hasLinks = linked.length > 0;
  useEffect(() => {
    if (!hasLinks) return;
    let checking = false;
    const check = () => {
      if (checking || window.document.visibilityState === 'hidden') return;
      checking = true;
      void source.changedSince().then((changed) => {
        checking = false;
        if (changed) runAgain();
      });
    };
    window.addEventListener('focus', check);
    window.document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      window.document.removeEventListener('visibilitychange', check);
    };
  }, [hasLinks, source, runAgain]);

  return {
    source,
    byOutcome,
    quantitiesByYear,
    running: [...byOutcome.values()].some((result) => result.status === 'running'),
    runAgain,
  };
}
