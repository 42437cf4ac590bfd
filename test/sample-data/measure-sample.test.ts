/**
 * The example organization's measurements (sample-data/measure): the committed files are exactly what the seeded
 * generator writes, the people and teams are the network sample's, and the README's story shows in the scores and
 * KPIs (empathy up after the programme, more in the teams that gained support ties).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SCALES,
  aggregateSeries,
  compareAb,
  differenceInDifferences,
  parseKpiSeries,
  parseInitiatives,
  resolveColumns,
  scoreSurvey,
  scoringKey,
  subscaleReliability,
  summarizeGroups,
} from '../../model/measure';
import type { DataTable } from '../../model/stats';
import { readTable, tableFromCsv } from '../model/measure/helpers';
import { SAMPLE_MEASURE_DIR, readNetworkLink, sampleMeasureFiles } from './measure-sample';

const files = sampleMeasureFiles();
const read = (file: string) => readFileSync(join(SAMPLE_MEASURE_DIR, file), 'utf8');

function scores() {
  const iri = BUILTIN_SCALES['iri'];
  const key = iri === undefined ? null : scoringKey(iri);
  if (key === null || !key.ok) throw new Error('no IRI');
  const table = readTable('sample-data/measure/survey.csv');
  const columns = resolveColumns(table, key.value);
  if (!columns.ok) throw new Error(columns.error);
  const scored = scoreSurvey(table, key.value, {
    columns: columns.value,
    labelColumns: ['id', 'team', 'wave', 'circle'],
  });
  if (!scored.ok) throw new Error(scored.problems[0]?.message);
  return scored.value;
}

describe('the example organization measured', () => {
  it('the committed files are exactly what the seeded generator writes', () => {
    for (const [file, text] of Object.entries(files)) expect(read(file), file).toBe(text);
  });

  it('surveys the network sample’s 100 people, with their ids and teams, before and after', () => {
    const link = readNetworkLink();
    const survey = readTable('sample-data/measure/survey.csv');
    expect(survey.rows).toHaveLength(200);
    const teamOf = new Map(link.people.map((person) => [person.id, person.team]));
    for (const row of survey.rows) expect(teamOf.get(row[0] ?? '')).toBe(row[1]);
    expect(new Set(survey.rows.map((row) => row[2]))).toEqual(new Set(['before', 'after']));
  });

  const survey = scores();
  const groups = summarizeGroups(survey.respondents, ['PT', 'FS', 'EC', 'PD'], ['team', 'wave']);
  const change = (team: string, subscale: string) => {
    const at = (wave: string) =>
      groups.find((group) => group.group['team'] === team && group.group['wave'] === wave)?.subscales[
        subscale
      ]?.mean ?? Number.NaN;
    return at('after') - at('before');
  };

  it('tells its story: perspective taking and empathic concern up everywhere, most where teams gained ties', () => {
    const teams = [...new Set(survey.respondents.map((respondent) => respondent.labels['team'] ?? ''))];
    for (const team of teams) {
      expect(change(team, 'PT'), team).toBeGreaterThan(0.1);
      expect(change(team, 'EC'), team).toBeGreaterThan(0.1);
    }
    // Operations gained the most ties per person in the network, Finance (the silo) the fewest.
    expect(change('Operations', 'EC')).toBeGreaterThan(change('Finance', 'EC') + 0.1);
    expect(change('Operations', 'PD')).toBeLessThan(-0.3);
    expect(change('Finance', 'PD')).toBeGreaterThan(change('Operations', 'PD') + 0.3);
    // The burnt-out broker, relieved of the load: her personal distress falls by more than a point per item.
    const broker = survey.respondents.filter((respondent) => respondent.labels['id'] === 'p001');
    expect((broker[0]?.scores['PD']?.mean ?? 0) - (broker[1]?.scores['PD']?.mean ?? 0)).toBeGreaterThan(1);
  });

  it('circle members gained more empathic concern than the others (difference in differences)', () => {
    const table: DataTable = {
      columns: ['id', 'circle', 'wave', 'EC'],
      rows: survey.respondents.map((respondent) => [
        respondent.labels['id'] ?? '',
        respondent.labels['circle'] ?? '',
        respondent.labels['wave'] ?? '',
        String(respondent.scores['EC']?.mean ?? ''),
      ]),
    };
    const did = differenceInDifferences(table, {
      outcome: 'EC',
      group: 'circle',
      period: 'wave',
      cluster: 'id',
      alpha: 0.05,
    });
    expect(did.ok && did.value.estimate).toBeGreaterThan(0.15);
    expect(did.ok && did.value.cluster?.p).toBeLessThan(0.05);
  });

  it('has reliable subscales (alpha over 0.7, as published IRI samples)', () => {
    for (const entry of subscaleReliability(survey)) expect(entry.alpha, entry.subscale).toBeGreaterThan(0.7);
  });

  it('has KPI series that improve after the programme, most in the teams that gained ties', () => {
    const parsed = parseKpiSeries(tableFromCsv(read('kpi.csv')));
    if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
    const years = aggregateSeries(parsed.value, 'year');
    const value = (unit: string, kpi: string, year: string) =>
      years.find((point) => point.unit === unit && point.kpi === kpi && point.period === year)?.value ??
      Number.NaN;
    for (const unit of ['Customer Care', 'Sales'])
      expect(value(unit, 'customer_retention', '2026')).toBeGreaterThan(
        value(unit, 'customer_retention', '2024') + 1,
      );
    expect(
      value('Operations', 'engagement', '2026') - value('Operations', 'engagement', '2024'),
    ).toBeGreaterThan(value('Finance', 'engagement', '2026') - value('Finance', 'engagement', '2024'));
    expect(value('Customer Care', 'resolution_time', '2026')).toBeLessThan(
      value('Customer Care', 'resolution_time', '2024'),
    );
    const markers = parseInitiatives(tableFromCsv(read('initiatives.csv')));
    expect(markers.ok && markers.value.map((marker) => marker.label)).toContain('Peer-support circles start');
  });

  it('has a call-script test where the empathetic script B resolves more calls', () => {
    const result = compareAb(readTable('sample-data/measure/script-test.csv'), {
      group: 'script',
      outcome: 'resolved',
      kind: 'proportion',
      alpha: 0.05,
      power: 0.8,
    });
    expect(result.ok && result.value.effect).toBeGreaterThan(0.05);
  });
});
