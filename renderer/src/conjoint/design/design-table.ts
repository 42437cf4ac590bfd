/**
 * A saved design as a table of level labels: one row per profile to rate (`profile` and the attributes), or per
 * alternative shown in a choice task (`version, task, alternative` and the attributes, None rows blank, as
 * model/conjoint's choiceDesignRows lays it out, the layout of sample-data/conjoint/design.csv).
 */
import { choiceDesignRows, levelText, type Study } from '../../../../model/conjoint';
import type { ConjointDesign } from '../../../../electron/api/contract';
import { stampedCsv } from '../csv';

export interface DesignTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function designTable(study: Study, design: ConjointDesign): DesignTable {
  if (design.kind === 'profiles')
    return {
      columns: ['profile', ...study.attributes.map((attribute) => attribute.name)],
      rows: design.profiles.map((profile, p) => [
        String(p + 1),
        ...study.attributes.map((attribute, a) => levelText(attribute, profile[a] ?? 0)),
      ]),
    };
  return choiceDesignRows(study, {
    method: design.method === 'random' ? 'random' : 'balanced-overlap',
    seed: design.seed ?? 0,
    none: design.none,
    versions: design.versions,
  });
}

export const DESIGN_METHOD_WORDS: Readonly<Record<ConjointDesign['method'], string>> = {
  'full-factorial': 'full factorial',
  'd-optimal': 'D-optimal fraction (coordinate exchange)',
  random: 'random choice tasks',
  'balanced-overlap': 'balanced-overlap choice tasks',
  imported: 'imported choice tasks',
};

export function designCsv(study: Study, design: ConjointDesign, appVersion: string): string {
  const table = designTable(study, design);
  return stampedCsv(
    [
      ['format', 'empathy-workbench/conjoint-design@1'],
      ['study', study.name],
      ['method', DESIGN_METHOD_WORDS[design.method]],
      ['seed', design.seed],
      ['d_efficiency_percent', design.dEfficiency],
      ...(design.kind === 'choice' ? ([['mnl_d_error', design.dError]] as const) : []),
      ['created_at', design.createdAt],
      ['app_version', appVersion],
    ],
    table.columns,
    table.rows,
  );
}
