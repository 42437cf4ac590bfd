/**
 * What the link form offers and proposes: the variables a quantity can follow, and a new link's defaults. Pure,
 * so it is tested without a worker.
 */
import type { NodeKind } from '../../../../model/sd';
import type { QuantityAggregation, QuantityLink } from '../../../../model/sroi';

export interface LinkVariable {
  readonly id: string;
  readonly name: string;
  readonly kind: NodeKind;
}

/** Stocks, flows and auxiliaries a person named (hidden nodes, whose ids start with "·", are the engine's). */
export function linkableVariables(variables: readonly LinkVariable[]): LinkVariable[] {
  return variables
    .filter(
      (variable) =>
        !variable.id.startsWith('·') &&
        (variable.kind === 'stock' || variable.kind === 'flow' || variable.kind === 'aux'),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/** Units of a rate: something per unit of time ("people/Month", "customers per year"). */
const RATE_UNITS = /(\/|\bper\s+)\s*(year|yr|quarter|month|mo|week|wk|day)s?\b/i;

/**
 * A flow is a rate (quits per month): its year is the sum over the year. So is an auxiliary whose units are a
 * rate ("Total quits", people/Month, the sum of two flows). A stock is a level (customers on the books): its year
 * is the time average (quantity-link.ts describes the three).
 */
export const aggregationFor = (kind: NodeKind, units?: string): QuantityAggregation =>
  kind === 'flow' || (units !== undefined && RATE_UNITS.test(units)) ? 'annual-sum' : 'annual-mean';

export const AGGREGATION_LABELS: Readonly<Record<QuantityAggregation, string>> = {
  'annual-sum': 'Sum over the year (for a flow, e.g. quits per month)',
  'annual-mean': 'Mean over the year (for a stock, e.g. customers)',
  'year-end': 'Value at the end of the year',
};

const STATUS_QUO = /status\s*quo|baseline|base case/i;

/**
 * A new link: the model's first scenario that is not the status quo against the status quo (the counterfactual
 * the Guide's deadweight asks for), the variable's natural aggregation, scale 1.
 */
export function proposeLink(
  model: string,
  scenarios: readonly string[],
  variables: readonly LinkVariable[],
  unitsOf: (name: string) => string | undefined = () => undefined,
): QuantityLink | undefined {
  const baseline = scenarios.find((name) => STATUS_QUO.test(name)) ?? scenarios[0];
  const scenario = scenarios.find((name) => name !== baseline) ?? scenarios[0];
  const candidates = linkableVariables(variables);
  // A stock is the likelier quantity (people, customers) than the first constant in the alphabet.
  const variable = candidates.find((candidate) => candidate.kind === 'stock') ?? candidates[0];
  if (baseline === undefined || scenario === undefined || variable === undefined) return undefined;
  return {
    model,
    scenario,
    baseline,
    variable: variable.name,
    aggregation: aggregationFor(variable.kind, unitsOf(variable.name)),
    scale: 1,
  };
}
