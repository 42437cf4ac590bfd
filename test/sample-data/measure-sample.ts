/**
 * The generator of sample-data/measure (see its README for the story): the example organization of
 * sample-data/network (the same 100 people, ids and teams) answering the Interpersonal Reactivity Index before and
 * after the peer-support programme, its KPI series, raw NPS answers, an A/B test of two call scripts and the
 * initiatives as chart markers. Seeded, so the committed files are exactly what it writes;
 * `measure-sample.test.ts` checks that, and that the story shows in the scores.
 *
 * The link to the network: each person's gain in support ties (ties given and received after minus before, not
 * counting ties with the Customer Care lead, whose load was handed over on purpose) drives how much their
 * perspective taking and empathic concern rise and their personal distress falls, so teams that gained more ties
 * gain more empathy. People who joined a peer-support circle (a new tie to another team) are marked `circle`.
 *
 * Regenerate the files:  npx tsx test/sample-data/measure-sample.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { csvRow } from '../../electron/cli/output';
import { BUILTIN_SCALES } from '../../model/measure/scale-spec';
import { SAMPLE_NETWORK_DIR, SAMPLE_SEED } from './network-sample';

export const SAMPLE_MEASURE_DIR = resolve(import.meta.dirname, '../../sample-data/measure');

/** The Customer Care lead of the network story (relieved of the support load she carried). */
const BROKER = 'p001';
const PROGRAMME_START = '2025-02-03';

interface Person {
  readonly id: string;
  readonly team: string;
}

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(SAMPLE_NETWORK_DIR, file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

function random(seed: number) {
  const generator = xoroshiro128plus(seed);
  const next = () => uniformFloat64(generator);
  // Box-Muller: one standard normal per call (the second value is dropped to keep the stream simple).
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const int = (from: number, to: number) => from + Math.floor(next() * (to - from + 1));
  return { next, normal, int };
}

export interface NetworkLink {
  readonly people: readonly Person[];
  /** Ties given and received after minus before, without the broker's. */
  readonly tieGain: ReadonlyMap<string, number>;
  /** Whether the person has a new tie to another team after (joined a peer-support circle). */
  readonly circle: ReadonlyMap<string, boolean>;
}

/** What the survey takes from the committed network files. */
export function readNetworkLink(): NetworkLink {
  const people = readCsv('nodes.csv').map((row) => ({ id: row['id'] ?? '', team: row['team'] ?? '' }));
  const teamOf = new Map(people.map((person) => [person.id, person.team]));
  const ties = (file: string) =>
    readCsv(file).map((row) => [row['source'] ?? '', row['target'] ?? ''] as const);
  const before = ties('edges-before.csv');
  const after = ties('edges-after.csv');
  const count = (list: readonly (readonly [string, string])[]) => {
    const counts = new Map<string, number>();
    for (const [source, target] of list) {
      if (source === BROKER || target === BROKER) continue;
      counts.set(source, (counts.get(source) ?? 0) + 1);
      counts.set(target, (counts.get(target) ?? 0) + 1);
    }
    return counts;
  };
  const countsBefore = count(before);
  const countsAfter = count(after);
  const crossBefore = new Set(before.map(([source, target]) => `${source} ${target}`));
  const circle = new Map<string, boolean>(people.map((person) => [person.id, false]));
  for (const [source, target] of after)
    if (
      source !== BROKER &&
      target !== BROKER &&
      teamOf.get(source) !== teamOf.get(target) &&
      !crossBefore.has(`${source} ${target}`)
    ) {
      circle.set(source, true);
      circle.set(target, true);
    }
  const tieGain = new Map(
    people.map((person) => [
      person.id,
      (countsAfter.get(person.id) ?? 0) - (countsBefore.get(person.id) ?? 0),
    ]),
  );
  return { people, tieGain, circle };
}

const csv = (rows: readonly (readonly (string | number)[])[]): string =>
  rows.map((row) => csvRow(row)).join('\n') + '\n';

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Each subscale's mean item answer (0-4, after reverse keying) for the organization before the programme. */
const BASELINE: Readonly<Record<string, number>> = { PT: 2.3, FS: 2.0, EC: 2.6, PD: 1.7 };

function survey(link: NetworkLink, rng: ReturnType<typeof random>): string {
  const iri = BUILTIN_SCALES['iri'];
  if (iri === undefined) throw new Error('the IRI key is missing');
  const reverse = new Set(iri.reverse ?? []);
  const subscaleOf = new Map<string, string>();
  for (const subscale of iri.subscales) for (const item of subscale.items) subscaleOf.set(item, subscale.id);
  // Each item's own difficulty, the same for everybody.
  const itemOffset = new Map(iri.items.map((item) => [item, round(rng.normal() * 0.25, 3)]));
  const rows: (string | number)[][] = [
    ['id', 'team', 'wave', 'circle', ...iri.items.map((item) => `IRI${item}`)],
  ];
  const traits = new Map(
    link.people.map((person) => [
      person.id,
      Object.fromEntries(
        iri.subscales.map((subscale) => [subscale.id, (BASELINE[subscale.id] ?? 2) + rng.normal() * 0.55]),
      ),
    ]),
  );
  for (const wave of ['before', 'after'] as const) {
    for (const person of link.people) {
      const trait = traits.get(person.id) as Record<string, number>;
      const gain = Math.max(0, link.tieGain.get(person.id) ?? 0);
      // The programme's effect grows with the ties gained; the relieved broker's distress falls most.
      const shift: Record<string, number> =
        wave === 'before'
          ? { PT: 0, FS: 0, EC: 0, PD: 0 }
          : {
              PT: 0.1 + 0.06 * gain,
              FS: 0,
              EC: 0.08 + 0.06 * gain,
              PD: person.id === BROKER ? -1.2 : -0.04 - 0.045 * gain,
            };
      const answers = iri.items.map((item) => {
        const subscale = subscaleOf.get(item) ?? '';
        const latent =
          (trait[subscale] ?? 2) + (shift[subscale] ?? 0) + (itemOffset.get(item) ?? 0) + rng.normal() * 0.7;
        const keyed = clamp(Math.round(latent), 0, 4);
        // Missing answers: about 1 in 80, plus one respondent who skipped the last page in the second wave.
        if (rng.next() < 0.0125 || (wave === 'after' && person.id === 'p047' && Number(item) > 20)) return '';
        return reverse.has(item) ? 4 - keyed : keyed;
      });
      rows.push([
        person.id,
        person.team,
        wave,
        link.circle.get(person.id) === true ? 'yes' : 'no',
        ...answers,
      ]);
    }
  }
  return csv(rows);
}

/** Months from 2024-07 to 2026-06: 24 months, the programme starting in the eighth. */
const MONTHS = Array.from({ length: 24 }, (_, index) => {
  const month = 6 + index;
  return `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
});

function kpis(link: NetworkLink, rng: ReturnType<typeof random>): string {
  const teams = [...new Set(link.people.map((person) => person.team))];
  const rows: (string | number)[][] = [['date', 'unit', 'kpi', 'value']];
  for (const team of teams) {
    const members = link.people.filter((person) => person.team === team);
    const gain =
      members.reduce((sum, person) => sum + Math.max(0, link.tieGain.get(person.id) ?? 0), 0) /
      members.length;
    const customerFacing = team === 'Customer Care' || team === 'Sales';
    MONTHS.forEach((date, index) => {
      // The programme's effect builds up over six months after it starts, more in teams that gained ties.
      const ramp = date < PROGRAMME_START ? 0 : Math.min(1, (index - 7 + 1) / 6);
      // gain / 4: about 4 ties gained per person on average, so an average team gets an effect of about 1.
      const effect = ramp * (0.4 + (0.6 * gain) / 4);
      const monthlyRetention = clamp(98.4 + 0.55 * effect + rng.normal() * 0.3, 95, 100);
      rows.push([date, team, 'employee_retention', round(monthlyRetention, 2)]);
      rows.push([date, team, 'engagement', round(clamp(3.3 + 0.25 * effect + rng.normal() * 0.08, 1, 5), 2)]);
      // Leavers this month at the team's size; replacement at 21% of a 52,000 salary (formulas.ts).
      const leavers = Math.round(((100 - monthlyRetention) / 100) * members.length * 3) / 3;
      rows.push([date, team, 'turnover_cost', Math.round(leavers * 52000 * 0.21)]);
      if (customerFacing) {
        const retention = clamp(91 + 1.6 * effect + rng.normal() * 0.5, 80, 100);
        rows.push([date, team, 'customer_retention', round(retention, 1)]);
        // Gupta & Lehmann's margin multiple on a 45/month margin and a 1%/month discount rate.
        const r = retention / 100;
        rows.push([date, team, 'clv', Math.round((45 * r) / (1 + 0.01 - r))]);
      }
      if (team === 'Customer Care' || team === 'Operations')
        rows.push([
          date,
          team,
          'resolution_time',
          round(clamp(26 - 5 * effect + rng.normal() * 1.2, 4, 72), 1),
        ]);
    });
  }
  return csv(rows);
}

/** Raw 0-10 answers of customers served by Customer Care and Sales, 30 a month each. */
function npsAnswers(rng: ReturnType<typeof random>): string {
  const rows: (string | number)[][] = [['date', 'unit', 'answer']];
  for (const unit of ['Customer Care', 'Sales'])
    MONTHS.forEach((date, index) => {
      const ramp = date < PROGRAMME_START ? 0 : Math.min(1, (index - 7 + 1) / 6);
      for (let answer = 0; answer < 30; answer++) {
        const day = String(rng.int(1, 28)).padStart(2, '0');
        const latent = 7.1 + 0.9 * ramp + (unit === 'Sales' ? -0.3 : 0) + rng.normal() * 1.9;
        rows.push([`${date.slice(0, 8)}${day}`, unit, clamp(Math.round(latent), 0, 10)]);
      }
    });
  return csv(rows);
}

/**
 * An A/B test of two call scripts in Customer Care, 2025-09: calls assigned at random to the standard script (A)
 * or one that names the customer's feeling before solving (B); resolved on first contact (yes/no) and the
 * customer's satisfaction (1-10).
 */
function scriptTest(rng: ReturnType<typeof random>): string {
  const rows: (string | number)[][] = [['call', 'script', 'resolved', 'satisfaction']];
  for (let call = 1; call <= 400; call++) {
    const script = rng.next() < 0.5 ? 'A' : 'B';
    const resolved = rng.next() < (script === 'A' ? 0.62 : 0.71) ? 'yes' : 'no';
    const satisfaction = clamp(Math.round(6.8 + (script === 'B' ? 0.5 : 0) + rng.normal() * 1.6), 1, 10);
    rows.push([`c${String(call).padStart(3, '0')}`, script, resolved, satisfaction]);
  }
  return csv(rows);
}

function initiatives(): string {
  return csv([
    ['date', 'label', 'unit'],
    ['2025-01-15', 'Empathy survey (before)', ''],
    [PROGRAMME_START, 'Peer-support circles start', ''],
    [PROGRAMME_START, 'A buddy for every new hire', ''],
    ['2025-03-03', 'Support load handed over by the Customer Care lead', 'Customer Care'],
    ['2025-09-01', 'Call-script A/B test', 'Customer Care'],
    ['2026-01-15', 'Empathy survey (after)', ''],
  ]);
}

/** The files of sample-data/measure, by name (README.md is written by hand). */
export function sampleMeasureFiles(seed = SAMPLE_SEED): Record<string, string> {
  const link = readNetworkLink();
  const rng = random(seed);
  return {
    'survey.csv': survey(link, rng),
    'kpi.csv': kpis(link, rng),
    'nps-answers.csv': npsAnswers(rng),
    'script-test.csv': scriptTest(rng),
    'initiatives.csv': initiatives(),
  };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (!process.argv.includes('--write')) {
    process.stderr.write('usage: measure-sample.ts --write\n');
    process.exitCode = 2;
  } else {
    for (const [file, text] of Object.entries(sampleMeasureFiles()))
      writeFileSync(join(SAMPLE_MEASURE_DIR, file), text);
    process.stdout.write(`wrote ${SAMPLE_MEASURE_DIR}\n`);
  }
}
