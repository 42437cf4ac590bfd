/**
 * `kpi series --data KPI.csv`: KPI series in long form (date, unit, kpi, value) aggregated per unit and period,
 * NPS computed from raw 0-10 answers (--nps), and initiatives as markers (--initiatives): what a KPI chart draws
 * (model/measure/kpi). JSON, or CSV of the points.
 */
import { basename } from 'node:path';
import {
  kpiChart,
  npsSeries,
  parseInitiatives,
  parseKpiSeries,
  readGroupSizes,
  type Aggregation,
  type KpiObservation,
  type Period,
} from '../../../model/measure';
import { hideSmallGroups } from '../../../model/privacy';
import { APP_VERSION } from '../../app-info';
import { InputError, UsageError, parseCommandArgs, parseFormat, type CliCommand } from '../command';
import { csvRow, writeResult } from '../output';
import { writeJsonDocument } from './compare-ab';
import { parseMinGroupSize } from './scale-score';
import { firstProblem } from './sensitivity';
import { parseList, readCsvTable } from './stats-regress';

const USAGE = `kpi series --data KPI.csv [--nps ANSWERS.csv] [--initiatives FILE.csv] [--period month|quarter|year]
           [--kpi a,b] [--unit a,b] [--all-units] [--aggregate mean|sum|last] [--min-group-size N] [--format json|csv] [--out FILE]

KPI series for charts. KPI.csv has one observation a row: date (YYYY-MM-DD), unit (or team), kpi, value. Known
KPIs: nps, customer_retention, employee_retention, turnover_cost, clv, resolution_time, engagement (any other
name is accepted). Within a period rates and scores are averaged and costs (turnover_cost) added. An optional
column n gives the people behind each figure: a unit whose smallest n is below --min-group-size is hidden.
  --nps          raw answers (date, unit|team, answer 0-10): NPS per unit and period, % promoters (9-10) minus
                 % detractors (0-6), computed from the answers (Reichheld 2003), joins the series as kpi nps
  --initiatives  markers: date, label[, unit|team] (e.g. the date training started)
  --period       month (default), quarter or year
  --kpi, --unit  only these KPIs or units (comma-separated)
  --all-units    add a unit "(all)" per KPI combining every unit
  --aggregate    combine every KPI this way instead
  --min-group-size  with an n column, units of fewer people than N (default 5, never below 3) are left out of
                 the lines and of "(all)", so no one in them can be singled out; JSON then adds minGroupSize,
                 hiddenGroups and hiddenGroupsNote, CSV the columns hidden_groups and hidden_groups_note
  --format       json (default): lines [{kpi {name, label, unit, aggregation, higherIsBetter}, unit, points
                 [{period, value, count}]}], markers [{date, label, unit, period}]; csv: kpi,unit,period,value,count
  --out          write to FILE instead of standard output`;

const PERIODS: readonly Period[] = ['month', 'quarter', 'year'];

const AGGREGATIONS: readonly Aggregation[] = ['mean', 'sum', 'last'];

export const kpiSeriesCommand: CliCommand = {
  name: 'kpi series',
  summary: 'KPI series per unit and period (NPS from answers), with initiatives as markers',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        data: { type: 'string' },
        nps: { type: 'string' },
        initiatives: { type: 'string' },
        period: { type: 'string' },
        kpi: { type: 'string' },
        unit: { type: 'string' },
        'all-units': { type: 'boolean' },
        aggregate: { type: 'string' },
        'min-group-size': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    if (values.data === undefined && values.nps === undefined)
      throw new UsageError('give the KPI series with --data KPI.csv (or NPS answers with --nps)');
    const period = (values.period ?? 'month') as Period;
    if (!PERIODS.includes(period))
      throw new UsageError(`--period must be one of ${PERIODS.join(', ')} (got "${values.period ?? ''}")`);
    const aggregate = values.aggregate as Aggregation | undefined;
    if (aggregate !== undefined && !AGGREGATIONS.includes(aggregate))
      throw new UsageError(`--aggregate must be one of ${AGGREGATIONS.join(', ')} (got "${aggregate}")`);
    const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
    const minGroupSize = parseMinGroupSize(values['min-group-size']);
    const kpis = parseList('--kpi', values.kpi);
    const units = parseList('--unit', values.unit);

    const observations: KpiObservation[] = [];
    let privacy: { hidden: number; note: string | null } | undefined;
    if (values.data !== undefined) {
      const table = readCsvTable(values.data, io);
      const parsed = parseKpiSeries(table);
      if (!parsed.ok)
        throw new InputError(
          `${basename(values.data)}: ${firstProblem(parsed.problems.map((problem) => problem.message))}`,
        );
      // The optional n column gives the people behind each unit's figures (its smallest n over the unit's rows);
      // without it a unit's size is unknown and nothing is hidden.
      const { sizes, problems } = readGroupSizes(table);
      if (problems.length > 0)
        throw new InputError(
          `${basename(values.data)}: ${firstProblem(problems.map((problem) => problem.message))}`,
        );
      if (sizes === undefined) observations.push(...parsed.value);
      else {
        // Issue 11, point 2: a small unit's observations leave the lines and "(all)" alike, so its figures
        // cannot be recovered by subtraction.
        const shown = hideSmallGroups(sizes, ([, size]) => size, minGroupSize, 'unit');
        const kept = new Set(shown.kept.map(([unit]) => unit));
        observations.push(
          ...parsed.value.filter((observation) => !sizes.has(observation.unit) || kept.has(observation.unit)),
        );
        privacy = { hidden: shown.hidden, note: shown.note };
      }
    }
    if (values.nps !== undefined) {
      const parsed = npsSeries(readCsvTable(values.nps, io), period);
      if (!parsed.ok)
        throw new InputError(
          `${basename(values.nps)}: ${firstProblem(parsed.problems.map((problem) => problem.message))}`,
        );
      observations.push(...parsed.value);
    }
    let markers: ReturnType<typeof parseInitiatives> = { ok: true, value: [] };
    if (values.initiatives !== undefined) {
      markers = parseInitiatives(readCsvTable(values.initiatives, io));
      if (!markers.ok)
        throw new InputError(
          `${basename(values.initiatives)}: ${firstProblem(markers.problems.map((problem) => problem.message))}`,
        );
    }
    const chart = kpiChart(observations, markers.ok ? markers.value : [], {
      period,
      ...(kpis.length > 0 ? { kpis } : {}),
      ...(units.length > 0 ? { units } : {}),
      ...(values['all-units'] === true ? { allUnits: true } : {}),
      ...(aggregate === undefined ? {} : { override: aggregate }),
    });
    if (format === 'csv') {
      const lines = [
        csvRow([
          'kpi',
          'unit',
          'period',
          'value',
          'count',
          ...(privacy === undefined ? [] : ['hidden_groups', 'hidden_groups_note']),
        ]),
        ...chart.lines.flatMap((line) =>
          line.points.map((point) =>
            csvRow([
              line.kpi.name,
              line.unit,
              point.period,
              point.value,
              point.count,
              ...(privacy === undefined ? [] : [privacy.hidden, privacy.note ?? '']),
            ]),
          ),
        ),
      ];
      writeResult(io, `${lines.join('\n')}\n`, values.out);
      return;
    }
    const sources = [values.data, values.nps, values.initiatives].filter((file) => file !== undefined);
    writeJsonDocument(
      io,
      {
        data: sources.map((file) => basename(file)),
        appVersion: APP_VERSION,
        ...chart,
        ...(privacy === undefined
          ? {}
          : { minGroupSize, hiddenGroups: privacy.hidden, hiddenGroupsNote: privacy.note }),
      },
      values.out,
    );
  },
};
