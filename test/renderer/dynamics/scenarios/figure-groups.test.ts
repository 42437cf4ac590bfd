/** The link form's figures under one heading per instrument and document, each keeping its index in the list. */
import { describe, expect, it } from 'vitest';
import type { LinkableFigure } from '../../../../model/schema/figure';
import { figureGroups } from '../../../../renderer/src/dynamics/scenarios/ScenarioLinks';

const figure = (
  instrument: LinkableFigure['instrument'],
  documentName: string,
  key: string,
): LinkableFigure => ({
  instrument,
  documentId: documentName,
  documentName,
  figure: key,
  label: key,
  value: 1,
});

describe('figureGroups', () => {
  it('groups in the providers order and keeps each figure’s index', () => {
    const figures = [
      figure('network', 'Support ties', 'latest.reciprocity'),
      figure('measurement', 'Empathy survey (IRI)', 'latest.EC'),
      figure('network', 'Support ties', 'latest.density'),
      figure('measurement', 'KPIs by team', 'latest.customer_retention'),
    ];
    expect(
      figureGroups(figures).map((group) => [group.heading, group.entries.map((entry) => entry.index)]),
    ).toEqual([
      ['Network: Support ties', [0, 2]],
      ['Measurement: Empathy survey (IRI)', [1]],
      ['Measurement: KPIs by team', [3]],
    ]);
  });
});
