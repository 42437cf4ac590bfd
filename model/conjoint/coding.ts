/**
 * How attribute levels become the columns of a design matrix, and back from coefficients to part-worths.
 * Ratings use effects coding (the last level is minus the sum of the others, so each attribute's part-worths
 * sum to zero: R's contr.sum, as conjoint::caModel); choice models use dummy coding against the first level
 * (as R's clogit and mlogit, so an alternative-specific constant reads directly as "versus the reference");
 * their part-worths are then centred per attribute, which gives exactly the effects-coded values (the two
 * codings are reparameterisations of the same model; Kuhfeld, "Marketing Research Methods in SAS",
 * chapter "Experimental Design, Efficiency, Coding, and Choice Designs", section on coding).
 */

export type EstimationAttribute =
  | { readonly kind: 'categorical'; readonly name: string; readonly levels: readonly string[] }
  | {
      readonly kind: 'numeric';
      readonly name: string;
      /** The distinct values seen or designed, sorted: the range sets a numeric attribute's importance. */
      readonly values: readonly number[];
    };

export type Coding = 'effects' | 'dummy';

export const INTERCEPT = '(Intercept)';
/** The coefficient of the None alternative ("none of these"). */
export const NONE = 'none';

/** A categorical level's coefficient name, as the CLI prints it: `attribute:level`. */
export const levelName = (attribute: string, level: string): string => `${attribute}:${level}`;

export interface AttributeColumns {
  readonly attribute: EstimationAttribute;
  /** Parameter indexes: one for a numeric attribute; levels - 1 for a categorical one. */
  readonly columns: readonly number[];
}

export interface ParameterLayout {
  readonly coding: Coding;
  /** Names of the estimated parameters, in column order. */
  readonly names: readonly string[];
  readonly intercept: boolean;
  /** Index of the None constant, or -1. */
  readonly noneIndex: number;
  readonly attributes: readonly AttributeColumns[];
}

export function parameterLayout(
  attributes: readonly EstimationAttribute[],
  options: { readonly coding: Coding; readonly intercept?: boolean; readonly none?: boolean },
): ParameterLayout {
  const names: string[] = [];
  const intercept = options.intercept ?? false;
  if (intercept) names.push(INTERCEPT);
  const columns: AttributeColumns[] = attributes.map((attribute) => {
    const start = names.length;
    if (attribute.kind === 'numeric') {
      names.push(attribute.name);
      return { attribute, columns: [start] };
    }
    // Effects coding estimates every level but the last; dummy coding every level but the first.
    const estimated =
      options.coding === 'effects' ? attribute.levels.slice(0, -1) : attribute.levels.slice(1);
    for (const level of estimated) names.push(levelName(attribute.name, level));
    return { attribute, columns: estimated.map((_, offset) => start + offset) };
  });
  let noneIndex = -1;
  if (options.none === true) {
    noneIndex = names.length;
    names.push(NONE);
  }
  return { coding: options.coding, names, intercept, noneIndex, attributes: columns };
}

/**
 * Writes the coded row of a profile into `out` at `offset`. `values[a]` is the level index of a categorical
 * attribute or the value of a numeric one.
 */
export function codeProfile(
  layout: ParameterLayout,
  values: ArrayLike<number>,
  out: Float64Array,
  offset = 0,
): void {
  const k = layout.names.length;
  out.fill(0, offset, offset + k);
  if (layout.intercept) out[offset] = 1;
  layout.attributes.forEach(({ attribute, columns }, a) => {
    const value = values[a] as number;
    if (attribute.kind === 'numeric') {
      out[offset + (columns[0] as number)] = value;
      return;
    }
    const last = attribute.levels.length - 1;
    if (layout.coding === 'effects') {
      if (value === last) for (const column of columns) out[offset + column] = -1;
      else out[offset + (columns[value] as number)] = 1;
    } else if (value > 0) {
      out[offset + (columns[value - 1] as number)] = 1;
    }
  });
}

/** The coded row of the None alternative: its constant only (no attribute shown). */
export function codeNone(layout: ParameterLayout, out: Float64Array, offset = 0): void {
  out.fill(0, offset, offset + layout.names.length);
  if (layout.noneIndex >= 0) out[offset + layout.noneIndex] = 1;
}

/** Utility of a profile: its coded row times the coefficients. */
export function profileUtility(
  layout: ParameterLayout,
  values: ArrayLike<number>,
  beta: ArrayLike<number>,
): number {
  let utility = layout.intercept ? (beta[0] as number) : 0;
  layout.attributes.forEach(({ attribute, columns }, a) => {
    const value = values[a] as number;
    if (attribute.kind === 'numeric') {
      utility += value * (beta[columns[0] as number] as number);
      return;
    }
    const last = attribute.levels.length - 1;
    if (layout.coding === 'effects') {
      if (value === last) for (const column of columns) utility -= beta[column] as number;
      else utility += beta[columns[value] as number] as number;
    } else if (value > 0) {
      utility += beta[columns[value - 1] as number] as number;
    }
  });
  return utility;
}

/** One attribute's part-worths: a utility per level (summing to zero), or a slope for a numeric attribute. */
export type AttributePartWorths =
  | {
      readonly kind: 'categorical';
      readonly attribute: string;
      readonly levels: Readonly<Record<string, number>>;
    }
  | {
      readonly kind: 'numeric';
      readonly attribute: string;
      readonly perUnit: number;
      readonly range: readonly [number, number];
    };

/**
 * Part-worths per attribute from a coefficient vector. Effects-coded levels already sum to zero; dummy-coded
 * ones (reference = 0) are centred, which is the same model in effects coding.
 */
export function partWorthsOf(layout: ParameterLayout, beta: ArrayLike<number>): AttributePartWorths[] {
  return layout.attributes.map(({ attribute, columns }) => {
    if (attribute.kind === 'numeric') {
      const values = attribute.values;
      return {
        kind: 'numeric',
        attribute: attribute.name,
        perUnit: beta[columns[0] as number] as number,
        range: [values[0] ?? 0, values[values.length - 1] ?? 0],
      };
    }
    const estimated = columns.map((column) => beta[column] as number);
    let utilities: number[];
    if (layout.coding === 'effects') {
      utilities = [...estimated, -estimated.reduce((sum, value) => sum + value, 0)];
    } else {
      const raw = [0, ...estimated];
      const mean = raw.reduce((sum, value) => sum + value, 0) / raw.length;
      utilities = raw.map((value) => value - mean);
    }
    return {
      kind: 'categorical',
      attribute: attribute.name,
      levels: Object.fromEntries(attribute.levels.map((level, index) => [level, utilities[index] as number])),
    };
  });
}

/**
 * The weights w such that w'beta is the part-worth of `level` (effects: -1 on every column for the last
 * level; dummy: centred), so its standard error is sqrt(w'Vw).
 */
export function partWorthWeights(layout: ParameterLayout, attributeIndex: number, level: number): number[] {
  const weights = new Array<number>(layout.names.length).fill(0);
  const entry = layout.attributes[attributeIndex];
  if (entry === undefined) return weights;
  const { attribute, columns } = entry;
  if (attribute.kind === 'numeric') {
    weights[columns[0] as number] = 1;
    return weights;
  }
  const m = attribute.levels.length;
  if (layout.coding === 'effects') {
    if (level === m - 1) for (const column of columns) weights[column] = -1;
    else weights[columns[level] as number] = 1;
    return weights;
  }
  // Dummy: u_l = b_l - mean(0, b_1..b_{m-1}).
  columns.forEach((column, offset) => {
    weights[column] = (offset + 1 === level ? 1 : 0) - 1 / m;
  });
  return weights;
}
