/**
 * The measurement toolkit's engine: empathy scales (IRI, QMEE, custom) scored with reliability and per-team
 * summaries; KPI series with NPS, retention, turnover cost and CLV; before/after and A/B comparisons with their
 * readings in plain words. Pure TypeScript: the CLI and the app read files and hand tables to it.
 */
export * from './ab-test';
export * from './comparison-data';
export * from './difference-in-differences';
export * from './group-summary';
export * from './kpi/chart';
export * from './kpi/formulas';
export * from './kpi/group-sizes';
export * from './kpi/series';
export * from './moments';
export * from './reliability';
export * from './sample-size';
export * from './scale-spec';
export * from './scoring';
export * from './scores-table';
export * from './wording';
