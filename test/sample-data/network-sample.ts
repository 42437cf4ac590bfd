/**
 * The generator of the example organization in sample-data/network (see its README for the story): about 100
 * people in 6 teams, surveyed before and after a peer-support programme. Seeded, so the committed files are
 * exactly what it writes; `network-sample.test.ts` checks that, and that the story shows in the metrics.
 *
 * Regenerate the files:  npx tsx test/sample-data/network-sample.ts --write
 * A bigger organization made the same way (for speed checks of the view, not committed):
 *   npx tsx test/sample-data/network-sample.ts --scale 20 --out /tmp/org-2000
 *
 * A tie `source -> target, weight w` reads "source gives support to target", w from 1 (a few times a quarter)
 * to 5 (daily), as the Network instrument reads every edge list.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export const SAMPLE_NETWORK_DIR = resolve(import.meta.dirname, '../../sample-data/network');
export const SAMPLE_SEED = 2026;

interface TeamPlan {
  readonly name: string;
  readonly size: number;
  readonly roles: readonly [lead: string, senior: string, member: string];
}

const TEAMS: readonly TeamPlan[] = [
  { name: 'Customer Care', size: 22, roles: ['Care lead', 'Senior advisor', 'Advisor'] },
  { name: 'Sales', size: 18, roles: ['Sales lead', 'Account manager', 'Sales associate'] },
  { name: 'Engineering', size: 20, roles: ['Engineering lead', 'Senior engineer', 'Engineer'] },
  { name: 'Operations', size: 16, roles: ['Operations lead', 'Coordinator', 'Operations associate'] },
  { name: 'Finance', size: 10, roles: ['Finance lead', 'Accountant', 'Analyst'] },
  { name: 'People & Culture', size: 14, roles: ['People lead', 'HR partner', 'Recruiter'] },
];
/** The siloed team of the story. */
export const SILOED_TEAM = 'Finance';

const FIRST = [
  'Maya',
  'Noor',
  'Liam',
  'Aisha',
  'Tomás',
  'Mei',
  'Kwame',
  'Ingrid',
  'Ravi',
  'Sofia',
  'Jonas',
  'Amara',
  'Yuki',
  'Elif',
  'Mateo',
  'Hana',
  'Oskar',
  'Zanele',
  'Priya',
  'Dmitri',
  'Lucía',
  'Kofi',
  'Anja',
  'Farah',
  'Emeka',
  'Clara',
  'Hiro',
  'Nadia',
  'Sven',
  'Leila',
  'Diego',
  'Astrid',
  'Tariq',
  'Jana',
  'Malik',
  'Freya',
  'Arjun',
  'Rosa',
  'Ivo',
  'Selin',
];
const LAST = [
  'Okafor',
  'Haddad',
  'Berg',
  'Nakamura',
  'Silva',
  'Chen',
  'Mensah',
  'Larsen',
  'Iyer',
  'Rossi',
  'Novak',
  'Diallo',
  'Kowalski',
  'Yilmaz',
  'Garcia',
  'Sato',
  'Lindqvist',
  'Dlamini',
  'Patel',
  'Ivanova',
  'Moreno',
  'Asante',
  'Fischer',
  'Rahman',
  'Eze',
];

export interface SamplePerson {
  readonly id: string;
  readonly name: string;
  readonly team: string;
  readonly role: string;
  readonly tenure: number;
}

export interface SampleTie {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
}

export interface SampleOrganization {
  readonly people: readonly SamplePerson[];
  readonly before: readonly SampleTie[];
  readonly after: readonly SampleTie[];
  /** The burnt-out broker of the story (the Customer Care lead) and the new hire with no ties before. */
  readonly broker: string;
  readonly newHire: string;
}

function random(seed: number) {
  const generator = xoroshiro128plus(seed);
  const next = () => uniformFloat64(generator);
  const int = (from: number, to: number) => from + Math.floor(next() * (to - from + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0)
      chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as T);
    return chosen;
  };
  return { next, int, pick, sample };
}

/** Ties keyed by ordered pair; a second tie for a pair keeps the stronger. */
class TieSet {
  private readonly ties = new Map<string, SampleTie>();
  add(source: string, target: string, weight: number): void {
    if (source === target) return;
    const key = `${source} ${target}`;
    const current = this.ties.get(key);
    if (current === undefined || current.weight < weight) this.ties.set(key, { source, target, weight });
  }
  remove(source: string, target: string): void {
    this.ties.delete(`${source} ${target}`);
  }
  list(): SampleTie[] {
    return [...this.ties.values()].sort(
      (a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
    );
  }
}

/** The organization (see the top of this file); `scale` multiplies every team's size. */
export function generateSampleOrganization(seed = SAMPLE_SEED, scale = 1): SampleOrganization {
  const rng = random(seed);
  const people: SamplePerson[] = [];
  const members = new Map<string, SamplePerson[]>();
  const names = new Set<string>();
  for (const team of TEAMS) {
    const list: SamplePerson[] = [];
    for (let index = 0; index < team.size * scale; index++) {
      const id = `p${String(people.length + 1).padStart(scale > 9 ? 4 : 3, '0')}`;
      let name = people.length === 0 ? 'Maya Okafor' : `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
      // 1,000 first-last pairs: a bigger organization numbers its namesakes.
      for (let tries = 0; names.has(name); tries++)
        name = `${rng.pick(FIRST)} ${rng.pick(LAST)}${tries > 20 ? ` ${tries}` : ''}`;
      names.add(name);
      const role =
        index === 0 ? team.roles[0] : index <= team.size * scale * 0.3 ? team.roles[1] : team.roles[2];
      const tenure = people.length === 0 ? 9.5 : Math.round((0.5 + rng.next() * rng.next() * 12) * 10) / 10;
      const person = { id, name, team: team.name, role, tenure };
      people.push(person);
      list.push(person);
    }
    members.set(team.name, list);
  }
  const team = (name: string): SamplePerson[] => members.get(name) ?? [];
  const broker = people[0] as SamplePerson;
  // The newest hire: an Engineering associate who joined just before the first survey.
  const engineering = team('Engineering');
  const hire = engineering[engineering.length - 1] as SamplePerson;
  people[people.indexOf(hire)] = { ...hire, name: 'Noor Haddad', tenure: 0.2 };
  const newHire = hire.id;

  const before = new TieSet();
  const after = new TieSet();
  // Everyday support inside each team: the same ties in both waves; a tie is returned when its draw is under the
  // wave's chance, so every tie returned before is still returned after (the programme adds, it does not shuffle).
  for (const plan of TEAMS) {
    // The broker's and the new hire's ties are their own part of the story, below.
    const list = team(plan.name).filter((person) => person.id !== newHire && person.id !== broker.id);
    const siloed = plan.name === SILOED_TEAM;
    for (const giver of list) {
      const others = list.filter((person) => person.id !== giver.id);
      for (const receiver of rng.sample(others, siloed ? rng.int(4, 6) : rng.int(2, 4))) {
        const weight = rng.int(1, 4);
        const draw = rng.next();
        const answer = Math.max(1, Math.min(5, weight + rng.int(-1, 1)));
        before.add(giver.id, receiver.id, weight);
        after.add(giver.id, receiver.id, weight);
        if (draw < (siloed ? 0.5 : 0.2)) before.add(receiver.id, giver.id, answer);
        if (draw < 0.7) after.add(receiver.id, giver.id, answer);
      }
    }
  }

  // Before: the Customer Care lead holds the organization together. Most of her team and a handful of people in
  // every other team come to her and she to them, strongly; the Finance lead is Finance's only link outside.
  const care = team('Customer Care').filter((person) => person.id !== broker.id);
  for (const colleague of rng.sample(care, Math.round(care.length * 0.75))) {
    before.add(broker.id, colleague.id, rng.int(3, 5));
    before.add(colleague.id, broker.id, rng.int(3, 5));
  }
  for (const plan of TEAMS.slice(1)) {
    const list = team(plan.name);
    const contacts =
      plan.name === SILOED_TEAM
        ? [list[0] as SamplePerson]
        : [list[0] as SamplePerson, ...rng.sample(list.slice(1), 3 * scale)];
    for (const contact of contacts) {
      before.add(broker.id, contact.id, rng.int(3, 5));
      before.add(contact.id, broker.id, rng.int(2, 5));
    }
  }
  // A few other one-way ties between teams (never Finance).
  const open = people.filter(
    (person) => person.team !== SILOED_TEAM && person.id !== broker.id && person.id !== newHire,
  );
  for (let made = 0; made < 5 * scale;) {
    const [giver, receiver] = rng.sample(open, 2) as [SamplePerson, SamplePerson];
    if (giver.team === receiver.team) continue;
    before.add(giver.id, receiver.id, rng.int(1, 2));
    made++;
  }

  // After: the lead keeps a lighter load (part of her team, and the other leads), ...
  for (const colleague of rng.sample(care, Math.round(care.length * 0.35))) {
    after.add(broker.id, colleague.id, rng.int(2, 3));
    after.add(colleague.id, broker.id, rng.int(1, 2));
  }
  for (const plan of TEAMS.slice(1)) {
    const lead = team(plan.name)[0] as SamplePerson;
    after.add(broker.id, lead.id, 2);
    after.add(lead.id, broker.id, 1);
  }
  // ... peer-support circles of six from different teams meet weekly: ties around the circle, both ways ...
  const circleMembers = rng.sample(
    people.filter((person) => person.id !== broker.id && person.team !== SILOED_TEAM),
    40 * scale,
  );
  const finance = team(SILOED_TEAM);
  const circles = Math.floor(circleMembers.length / 5);
  for (let circle = 0; circle < circles; circle++) {
    const ring = circleMembers.slice(circle * 5, circle * 5 + 5);
    // Two of Finance's people joined a circle; the team is still the least connected (the next step, see README).
    if (circle < 2 * scale) ring.push(finance[1 + circle] as SamplePerson);
    ring.forEach((member, index) => {
      const next = ring[(index + 1) % ring.length] as SamplePerson;
      after.add(member.id, next.id, rng.int(2, 3));
      after.add(next.id, member.id, rng.int(2, 3));
    });
  }
  // ... and the new hire has a buddy and two teammates.
  for (const mate of rng.sample(
    engineering.filter((person) => person.id !== newHire),
    3,
  )) {
    after.add(newHire, mate.id, rng.int(2, 3));
    after.add(mate.id, newHire, rng.int(2, 4));
  }
  return { people, before: before.list(), after: after.list(), broker: broker.id, newHire };
}

const csv = (rows: readonly (readonly (string | number)[])[]): string =>
  rows
    .map((row) =>
      row
        .map((cell) => (/[",]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell)))
        .join(','),
    )
    .join('\n') + '\n';

/** The files of sample-data/network, by name. */
export function sampleNetworkFiles(organization = generateSampleOrganization()): Record<string, string> {
  const edges = (ties: readonly SampleTie[]) =>
    csv([['source', 'target', 'weight'], ...ties.map((tie) => [tie.source, tie.target, tie.weight])]);
  return {
    'nodes.csv': csv([
      ['id', 'name', 'team', 'role', 'tenure'],
      ...organization.people.map((person) => [
        person.id,
        person.name,
        person.team,
        person.role,
        person.tenure,
      ]),
    ]),
    'edges-before.csv': edges(organization.before),
    'edges-after.csv': edges(organization.after),
  };
}

function main(argv: readonly string[]): void {
  const scaleAt = argv.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(argv[scaleAt + 1]) : 1;
  const outAt = argv.indexOf('--out');
  const folder =
    outAt >= 0 ? resolve(argv[outAt + 1] ?? '.') : argv.includes('--write') ? SAMPLE_NETWORK_DIR : undefined;
  if (folder === undefined || !Number.isInteger(scale) || scale < 1) {
    process.stderr.write('usage: network-sample.ts --write | --out DIR [--scale N]\n');
    process.exitCode = 2;
    return;
  }
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of Object.entries(
    sampleNetworkFiles(generateSampleOrganization(SAMPLE_SEED, scale)),
  ))
    writeFileSync(join(folder, file), text);
  process.stdout.write(`wrote ${folder}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename))
  main(process.argv.slice(2));
