/**
 * Insights on the sample organization (issue 11, point 3): without consent to individual views they name no one
 * (no id, no name, empty `nodes`) and speak of roles and patterns; with or without it, no sentence uses a
 * judgement word (model/privacy/judgement-words.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeNetworkMetrics, networkInsights } from '../../../model/network';
import { JUDGEMENT_WORDS, judgementWordsIn } from '../../../model/privacy';
import { SAMPLE_NAMES, sampleWave } from './sample-organization';

const waves = await Promise.all(
  (['before', 'after'] as const).map(async (wave) => {
    const graph = sampleWave(wave);
    return { wave, graph, metrics: await computeNetworkMetrics(graph) };
  }),
);

describe('judgement words', () => {
  it('are found as whole words in any case, and nowhere else', () => {
    expect(judgementWordsIn('Ana shows Low Empathy')).toEqual(['low empathy']);
    expect(judgementWordsIn('two problems remain')).toEqual(['problem']);
    expect(judgementWordsIn('the team was scolded')).toEqual([]);
    expect(JUDGEMENT_WORDS).toContain('underperform');
  });
});

describe.each(waves)('insights on the sample organization, wave $wave', ({ graph, metrics }) => {
  it('use no judgement word, with or without individual views', () => {
    for (const individuals of [true, false])
      for (const insight of networkInsights(graph, metrics, { individuals }))
        expect(judgementWordsIn(insight.text), insight.text).toEqual([]);
  });

  it('without consent, name no one and speak of roles and patterns', () => {
    const insights = networkInsights(graph, metrics, { individuals: false });
    expect(insights.length).toBeGreaterThan(0);
    for (const insight of insights) {
      expect(insight.nodes).toEqual([]);
      expect(insight.text).not.toMatch(/\bp\d{3}\b/);
      for (const name of SAMPLE_NAMES) expect(insight.text).not.toContain(name);
    }
    const broker = insights.find((insight) => insight.kind === 'broker');
    expect(broker?.text).toMatch(/^(1 person brokers|\d+ people broker)/);
    expect(insights.filter((insight) => insight.kind === 'broker')).toHaveLength(1);
  });

  it('with consent, name the people (as before)', () => {
    const named = networkInsights(graph, metrics).filter((insight) => insight.nodes.length > 0);
    expect(named.length).toBeGreaterThan(0);
  });

  it('leave out team findings about small teams and say so', () => {
    const insights = networkInsights(graph, metrics, { individuals: false, minimumGroupSize: 15 });
    const shown = new Set(insights.flatMap((insight) => insight.teams));
    expect(shown).not.toContain('Finance');
    expect(insights.at(-1)).toMatchObject({ kind: 'small-teams-hidden' });
    expect(insights.at(-1)?.text).toMatch(/^2 teams with fewer than 15 people are hidden/);
  });
});
