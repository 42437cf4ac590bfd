/**
 * The Nelder-Mead simplex method (Nelder & Mead 1965, "A simplex method for function minimization", The
 * Computer Journal 7(4):308-313) as Lagarias, Reeds, Wright & Wright specify it (1998, "Convergence properties
 * of the Nelder-Mead simplex method in low dimensions", SIAM J. Optim. 9(1):112-147, section 2): reflection 1,
 * expansion 2, outside and inside contraction 1/2, shrink 1/2, and their rules for accepting each point. No
 * derivatives: a model run is a black box, and its objective need not be smooth (non-negative stocks clamp).
 *
 * Bounds by transformation rather than projection: the simplex moves over unbounded y, and each parameter is
 * x = min + (max - min) (sin y + 1) / 2, MINUIT's transformation for a parameter with two limits (James & Roos
 * 1975, "MINUIT: a system for function minimization", Comput. Phys. Commun. 10:343; MINUIT manual, "Parameter
 * limits"). Every point the method tries is feasible and the simplex never flattens against a bound, which a
 * projection would make it do.
 *
 * Stopping: fminsearch's two tests together (the spread of the objective over the simplex, and its diameter,
 * here measured on each parameter's share of its range), both relative to the tolerance. Then a restart from the
 * best point with a fresh simplex, because the method can stop short of a minimum (Press, Teukolsky, Vetterling
 * & Flannery, Numerical Recipes, 3rd ed., section 10.5: "restart it at a point where it claims to have found a
 * minimum"); a restart that gains nothing ends it. Hand-written: the installed libraries (ml-matrix, mathjs)
 * have no derivative-free bounded minimizer.
 */

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

export interface NelderMeadOptions {
  /** Relative tolerance on the objective's spread and on the simplex diameter (share of each range). */
  readonly tolerance: number;
  /** Iterations over all restarts. */
  readonly maxIterations: number;
  /** Fresh simplices after the first convergence (default 2). */
  readonly restarts?: number;
  /** Called after every iteration with the best objective so far. */
  readonly onIteration?: (iteration: number, best: number) => void;
  /** Asked after every iteration; true stops the search where it is. */
  readonly shouldStop?: () => boolean;
}

export interface NelderMeadResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  /** Both stopping tests were met (not stopped by the iteration limit or a cancel). */
  readonly converged: boolean;
  readonly restarts: number;
  /** shouldStop ended the search. */
  readonly stopped: boolean;
}

const RHO = 1;
const CHI = 2;
const GAMMA = 0.5;
const SIGMA = 0.5;
/** The first simplex's step in y: half a radian moves a mid-range parameter by about a quarter of its range. */
const STEP = 0.5;

/** x from y (MINUIT's sine transformation). */
const toBounded = (y: number, bounds: Bounds): number =>
  bounds.min + ((bounds.max - bounds.min) * (Math.sin(y) + 1)) / 2;

/** y from x, x clamped into its bounds first. */
const toFree = (x: number, bounds: Bounds): number => {
  const share = (Math.min(bounds.max, Math.max(bounds.min, x)) - bounds.min) / (bounds.max - bounds.min);
  return Math.asin(Math.min(1, Math.max(-1, 2 * share - 1)));
};

interface Vertex {
  y: Float64Array;
  value: number;
}

export function minimizeBounded(
  objective: (x: Float64Array) => number,
  start: readonly number[],
  bounds: readonly Bounds[],
  options: NelderMeadOptions,
): NelderMeadResult {
  const n = start.length;
  if (bounds.length !== n) throw new RangeError('one pair of bounds per parameter');
  const x = new Float64Array(n);
  let evaluations = 0;
  const evaluate = (y: Float64Array): number => {
    for (let i = 0; i < n; i++) x[i] = toBounded(y[i] as number, bounds[i] as Bounds);
    evaluations++;
    const value = objective(x);
    // A run that blows up (NaN) is as bad as it gets, so the simplex moves away from it.
    return Number.isNaN(value) ? Infinity : value;
  };
  /** A parameter's place in its range, 0 to 1: the simplex diameter is measured on it. */
  const share = (y: number): number => (Math.sin(y) + 1) / 2;
  const tolerance = options.tolerance;
  let iterations = 0;
  let stopped = false;

  /** One descent from `origin` until both tests pass, the limit is reached or a stop is asked. */
  const descend = (origin: Float64Array): { best: Vertex; converged: boolean } => {
    const simplex: Vertex[] = [{ y: origin.slice(), value: evaluate(origin) }];
    for (let i = 0; i < n; i++) {
      const y = origin.slice();
      // Toward the middle of the range, where the transformation is steepest.
      y[i] = (y[i] as number) + ((y[i] as number) > 0 ? -STEP : STEP);
      simplex.push({ y, value: evaluate(y) });
    }
    const centroid = new Float64Array(n);
    const along = (from: Float64Array, to: Float64Array, factor: number): Float64Array => {
      const point = new Float64Array(n);
      for (let i = 0; i < n; i++)
        point[i] = (from[i] as number) + factor * ((to[i] as number) - (from[i] as number));
      return point;
    };
    for (;;) {
      // Stable sort: among equal values the older vertex stays first (Lagarias et al.'s tie rule, near enough).
      simplex.sort((a, b) => a.value - b.value);
      const best = simplex[0] as Vertex;
      const worst = simplex[n] as Vertex;
      let diameter = 0;
      for (const vertex of simplex)
        for (let i = 0; i < n; i++)
          diameter = Math.max(diameter, Math.abs(share(vertex.y[i] as number) - share(best.y[i] as number)));
      const spread = worst.value - best.value;
      if (diameter <= tolerance && spread <= tolerance * (Math.abs(best.value) + tolerance))
        return { best, converged: true };
      if (iterations >= options.maxIterations) return { best, converged: false };
      if (options.shouldStop?.() === true) {
        stopped = true;
        return { best, converged: false };
      }
      iterations++;

      centroid.fill(0);
      for (let v = 0; v < n; v++)
        for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + (simplex[v]?.y[i] as number) / n;
      const second = simplex[n - 1] as Vertex;
      const reflected = along(centroid, worst.y, -RHO);
      const fr = evaluate(reflected);
      if (fr < best.value) {
        const expanded = along(centroid, worst.y, -RHO * CHI);
        const fe = evaluate(expanded);
        simplex[n] = fe < fr ? { y: expanded, value: fe } : { y: reflected, value: fr };
      } else if (fr < second.value) {
        simplex[n] = { y: reflected, value: fr };
      } else {
        const outside = fr < worst.value;
        const contracted = outside ? along(centroid, reflected, GAMMA) : along(centroid, worst.y, GAMMA);
        const fc = evaluate(contracted);
        if (outside ? fc <= fr : fc < worst.value) simplex[n] = { y: contracted, value: fc };
        else {
          for (let v = 1; v <= n; v++) {
            const vertex = simplex[v] as Vertex;
            vertex.y = along(best.y, vertex.y, SIGMA);
            vertex.value = evaluate(vertex.y);
          }
        }
      }
      const leader = simplex.reduce((a, b) => (b.value < a.value ? b : a));
      options.onIteration?.(iterations, leader.value);
    }
  };

  const maxRestarts = options.restarts ?? 2;
  let run = descend(Float64Array.from(start, (value, i) => toFree(value, bounds[i] as Bounds)));
  let restarts = 0;
  while (run.converged && restarts < maxRestarts && !stopped && iterations < options.maxIterations) {
    const again = descend(run.best.y);
    restarts++;
    const gained = run.best.value - again.best.value;
    if (again.best.value <= run.best.value) run = again;
    if (gained <= tolerance * (Math.abs(run.best.value) + tolerance)) break;
  }
  return {
    x: Array.from(run.best.y, (y, i) => toBounded(y, bounds[i] as Bounds)),
    value: run.best.value,
    iterations,
    evaluations,
    converged: run.converged && !stopped,
    restarts,
    stopped,
  };
}
