/**
 * A survey's comparison kept beside its scoring (SurveySettings.compare): saved with the scoring it was made on,
 * read back whole through the contract's schema, an older survey without it still read, and choices the scores no
 * longer have (a subscale taken out of a custom key) set back to the defaults and named for the tab's note.
 */
import { describe, expect, it } from 'vitest';
import type { ComparisonSettings, SurveySettings } from '../../../../electron/api/contract';
import { measureSettingsSchema } from '../../../../electron/store/measure-document';
import { BUILTIN_SCALES, type ScaleSpec } from '../../../../model/measure';
import {
  defaultAbChoices,
  defaultDidChoices,
  profileColumns,
  settingsOf,
  unkeptChoices,
} from '../../../../renderer/src/measure/compare/compare-choices';
import {
  comparisonTable,
  savedComparison,
  settingsWithComparison,
  type ComparisonTable,
} from '../../../../renderer/src/measure/compare/compare-source';
import { readTable } from '../../../model/measure/helpers';
import { datasetOf, SAMPLE_SURVEY_SCORING } from '../dataset-of';

const SURVEY = readTable('sample-data/measure/survey.csv');

const scoring = SAMPLE_SURVEY_SCORING;

/** Perspective taking by circle and wave, HC1 errors, 90%: none of it the tab's default. */
const perspectiveTaking: ComparisonSettings = {
  comparison: 'did',
  group: 'circle',
  period: 'wave',
  outcome: 'PT_mean',
  control: 'yes',
  before: 'after',
  standardError: 'hc1',
  alpha: 0.1,
};

function sourceOf(settings: SurveySettings): ComparisonTable {
  const source = comparisonTable(datasetOf('survey', SURVEY, settings));
  if (!source.ok) throw new Error(source.error);
  return source.value;
}

/** The tab's DiD choices on reopening a survey saved with these settings. */
function reopened(settings: SurveySettings) {
  const source = sourceOf(settings);
  const saved = savedComparison(datasetOf('survey', SURVEY, settings));
  const did = defaultDidChoices(
    profileColumns(source.table),
    source.scoreColumns,
    saved,
    source.table.rows.length,
  );
  return { saved, did, shown: settingsOf('did', null, did) };
}

describe("a survey's saved comparison", () => {
  it('is saved beside the scoring it was made on, and reads back whole through the schema', () => {
    const settings = settingsWithComparison(sourceOf(scoring), perspectiveTaking);
    expect(settings).toEqual({ ...scoring, compare: perspectiveTaking });
    const stored = measureSettingsSchema.parse(JSON.parse(JSON.stringify(settings)));
    expect(stored).toEqual(settings);
    if (stored.kind !== 'survey') throw new Error('not a survey');

    const { did, shown } = reopened(stored);
    expect(did).toEqual({
      group: 'circle',
      control: 'yes',
      period: 'wave',
      before: 'after',
      outcome: 'PT_mean',
      // Saved without a cluster: none was chosen, and none is offered again (not the id the default would take).
      cluster: '',
      se: 'hc1',
      alpha: 0.1,
    });
    expect(shown).toEqual(perspectiveTaking);
    expect(unkeptChoices(perspectiveTaking, shown)).toEqual([]);
  });

  it('replaces the comparison saved before, keeping the scoring', () => {
    const earlier = { ...scoring, compare: perspectiveTaking };
    const ab: ComparisonSettings = { comparison: 'ab', group: 'circle', outcome: 'EC_mean', alpha: 0.05 };
    expect(settingsWithComparison(sourceOf(earlier), ab)).toEqual({ ...scoring, compare: ab });
  });

  it('is saved with the scale the columns match when no scale was chosen yet', () => {
    const source = comparisonTable(datasetOf('survey', SURVEY, null));
    if (!source.ok) throw new Error(source.error);
    expect(settingsWithComparison(source.value, perspectiveTaking)).toMatchObject({
      kind: 'survey',
      scale: 'iri',
      compare: perspectiveTaking,
    });
  });

  it('is absent from surveys saved before it was kept, which still read', () => {
    const older = { kind: 'survey', scale: 'iri', columns: {}, teamColumn: 'team' };
    const stored = measureSettingsSchema.parse(older);
    expect(stored).toEqual(older);
    expect(savedComparison(datasetOf('survey', SURVEY, stored))).toBeNull();
  });

  it('is refused with the field named when it is not a comparison', () => {
    const parsed = measureSettingsSchema.safeParse({
      ...scoring,
      compare: { ...perspectiveTaking, standardError: 'robust' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['compare', 'standardError']);
    const unknown = measureSettingsSchema.safeParse({
      ...scoring,
      compare: { comparison: 'did', wave: 'x' },
    });
    expect(unknown.error?.issues[0]).toMatchObject({ path: ['compare'], keys: ['wave'] });
  });

  it('keeps an experiment its own comparison, the kind beside it', () => {
    const experiment = comparisonTable(
      datasetOf('experiment', readTable('sample-data/measure/script-test.csv'), null),
    );
    if (!experiment.ok) throw new Error(experiment.error);
    const ab: ComparisonSettings = { comparison: 'ab', group: 'script', outcome: 'resolved', alpha: 0.01 };
    const settings = settingsWithComparison(experiment.value, ab);
    expect(settings).toEqual({ kind: 'experiment', ...ab });
    expect(savedComparison(datasetOf('experiment', experiment.value.table, settings))).toEqual(settings);
  });
});

describe('saved choices that no longer fit', () => {
  it('a subscale taken out of the scoring: its outcome back to the default, and said', () => {
    const iri = BUILTIN_SCALES['iri'] as ScaleSpec;
    // The IRI without perspective taking, as a custom key: the scores have no PT_mean any more.
    const withoutPt: ScaleSpec = {
      ...iri,
      items: iri.items.filter((item) => !['3', '8', '11', '15', '21', '25', '28'].includes(item)),
      subscales: iri.subscales.filter((subscale) => subscale.id !== 'PT'),
      reverse: (iri.reverse ?? []).filter((item) => !['3', '15'].includes(item)),
    };
    const settings: SurveySettings = {
      ...scoring,
      scale: 'custom',
      customSpec: withoutPt,
      compare: perspectiveTaking,
    };
    expect(sourceOf(settings).scoreColumns).not.toContain('PT_mean');
    const { did, shown } = reopened(settings);
    // The first score column is the default outcome; the rest of the saved choices still fit.
    expect(did).toMatchObject({ outcome: 'FS_mean', group: 'circle', control: 'yes', se: 'hc1', alpha: 0.1 });
    expect(unkeptChoices(perspectiveTaking, shown)).toEqual(['outcome “PT_mean”']);
  });

  it('a level and a column gone: each named once, a level not again when its column is', () => {
    const source = sourceOf(scoring);
    const profiles = profileColumns(source.table);
    const saved: ComparisonSettings = {
      comparison: 'ab',
      group: 'department',
      control: 'Sales',
      outcome: 'EC_mean',
      outcomeKind: 'proportion',
      alpha: 0.2,
    };
    const ab = defaultAbChoices(profiles, source.scoreColumns, saved);
    expect(ab).toMatchObject({ group: 'wave', outcome: 'EC_mean', kind: 'mean', alpha: 0.05 });
    expect(unkeptChoices(saved, settingsOf('ab', ab, null))).toEqual([
      'group column “department”',
      'outcome read as a proportion',
      'confidence 80%',
    ]);
  });

  it('a saved comparison of the other kind is not the one on screen: nothing to say', () => {
    expect(
      unkeptChoices({ comparison: 'ab', group: 'gone' }, { comparison: 'did', group: 'circle' }),
    ).toEqual([]);
    expect(unkeptChoices(null, { comparison: 'did' })).toEqual([]);
  });
});
