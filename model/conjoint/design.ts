/**
 * Designs for a study: the full factorial, and a fractional design with a chosen number of runs that
 * maximises D-efficiency by coordinate exchange (Meyer & Nachtsheim 1995, Technometrics 37:60): from a
 * seeded random start, every cell in turn is set to the level that most increases |X'X|, until a whole pass
 * changes nothing; several starts, the best kept. Prohibited combinations are never proposed. A singular
 * start is handled by a small ridge on X'X, which only orders candidates and is dropped from the reported
 * efficiency.
 */
import { dEfficiency, logDetInformation, orthogonalDesignMatrix } from './design-efficiency';
import { SeededRandom } from './random-draws';
import { isProhibited, levelCounts, type Profile, type Study } from './study';

/** Every allowed profile, the last attribute varying fastest. */
export function fullFactorial(study: Study): Profile[] {
  const counts = levelCounts(study);
  const profiles: Profile[] = [];
  const current = new Array<number>(counts.length).fill(0);
  const total = counts.reduce((product, count) => product * count, 1);
  for (let index = 0; index < total; index++) {
    let rest = index;
    for (let a = counts.length - 1; a >= 0; a--) {
      const count = counts[a] as number;
      current[a] = rest % count;
      rest = Math.floor(rest / count);
    }
    if (!isProhibited(study, current)) profiles.push([...current]);
  }
  return profiles;
}

export interface FractionalDesignOptions {
  readonly runs: number;
  readonly seed?: number;
  /** Random starts (default 10). */
  readonly starts?: number;
  /** Passes over the design per start (default 50; a pass that changes nothing ends the start early). */
  readonly maxPasses?: number;
}

export interface FractionalDesign {
  readonly profiles: Profile[];
  /** D-efficiency in percent (Kuhfeld). */
  readonly dEfficiency: number;
  readonly seed: number;
}

export function parameterCount(study: Study): number {
  return 1 + levelCounts(study).reduce((sum, m) => sum + m - 1, 0);
}

export function dOptimalDesign(study: Study, options: FractionalDesignOptions): FractionalDesign {
  const counts = levelCounts(study);
  const p = parameterCount(study);
  const runs = options.runs;
  if (!Number.isInteger(runs) || runs < p)
    throw new Error(
      `a design for this study needs at least ${p} runs to estimate every main effect (asked for ${runs})`,
    );
  const allowed = fullFactorial(study);
  if (allowed.length === 0) throw new Error('the prohibitions leave no allowed profile');
  const seed = options.seed ?? 1;
  const random = new SeededRandom(seed);
  const ridge = 1e-6 * runs;
  const score = (design: Profile[]): number => {
    const { x } = orthogonalDesignMatrix(counts, design);
    return logDetInformation(x, design.length, p, ridge);
  };
  let best: Profile[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let start = 0; start < (options.starts ?? 10); start++) {
    const design: number[][] = Array.from({ length: runs }, () => [
      ...(allowed[random.integer(allowed.length)] as Profile),
    ]);
    let current = score(design);
    for (let pass = 0; pass < (options.maxPasses ?? 50); pass++) {
      let improved = false;
      for (const row of design)
        for (let a = 0; a < counts.length; a++) {
          const original = row[a] as number;
          let bestLevel = original;
          for (let level = 0; level < (counts[a] as number); level++) {
            if (level === original) continue;
            row[a] = level;
            if (isProhibited(study, row)) continue;
            const candidate = score(design);
            if (candidate > current + 1e-12) {
              current = candidate;
              bestLevel = level;
              improved = true;
            }
          }
          row[a] = bestLevel;
        }
      if (!improved) break;
    }
    if (current > bestScore) {
      bestScore = current;
      best = design.map((row) => [...row]);
    }
  }
  return { profiles: best, dEfficiency: dEfficiency(counts, best), seed };
}
