/**
 * One estimation of a saved study, as the worker runs it: model/conjoint's report functions (the same JSON the
 * CLI's `conjoint estimate` prints), plus what the app keeps besides: the stamp (data hash, seed, app version)
 * and the coefficient vectors the market simulator needs. Ratings also get WTP by the coefficient ratio with its
 * delta-method SE from the OLS covariance (the CLI's ratings report has no WTP; the formula is the MNL's,
 * model/conjoint/willingness-to-pay.ts).
 */
import {
  choiceReport,
  estimateRatings,
  hbReport,
  parameterLayout,
  ratingsReport,
  wtpForAttributes,
  type EstimationReport,
  type HbHooks,
  type Study,
} from './index';
import type { ConjointResponses, EstimationKind } from '../schema/conjoint-document';
import type { ConjointEstimation, EstimationReportDocument } from '../schema/conjoint-estimation';
import { choiceDataFromStored, ratingsDataFromStored } from './stored-responses';

export interface EstimationSpec {
  readonly kind: EstimationKind;
  readonly study: Study;
  readonly responses: ConjointResponses;
  /** Hierarchical Bayes: the seed, iterations and burn-in (ignored by the other kinds). */
  readonly seed: number;
  readonly iterations: number;
  readonly burnIn: number;
  readonly appVersion: string;
  readonly estimatedAt: string;
}

/** The estimate, its simulator vectors as typed arrays (transferred from the worker, not copied). */
export interface EstimationResult {
  readonly estimation: Omit<ConjointEstimation, 'simulation'>;
  readonly simulation: {
    readonly coding: 'effects' | 'dummy';
    readonly intercept: boolean;
    readonly names: readonly string[];
    readonly aggregate: Float64Array;
    readonly respondents: readonly string[];
    /** Row-major respondents x names. */
    readonly individual: Float64Array;
  };
}

export type EstimationOutcome =
  { readonly ok: true; readonly result: EstimationResult } | { readonly ok: false; readonly error: string };

const KIND_DATA: Readonly<Record<EstimationKind, ConjointResponses['kind']>> = {
  ratings: 'ratings',
  mnl: 'choices',
  hb: 'choices',
};

/** The study's price when the data hold it as a numeric attribute (WTP needs one). */
function priceOf(study: Study, responses: ConjointResponses): string | undefined {
  const price = study.price;
  if (price === undefined) return undefined;
  return responses.attributes.some((attribute) => attribute.name === price && attribute.kind === 'numeric')
    ? price
    : undefined;
}

/** The report's document without the per-respondent block (the simulation carries those vectors). */
function reportDocument(report: EstimationReport): EstimationReportDocument {
  const { individual: _individual, ...rest } = report.document;
  // The document comes from model/conjoint's report functions, whose fields the schema of saved estimates
  // mirrors; the backend parses it with that schema before saving.
  return rest as EstimationReportDocument;
}

/** The estimate of every parameter in `names`, read from the report's coefficient table. */
function vectorFrom(document: EstimationReportDocument, names: readonly string[]): Float64Array {
  return Float64Array.from(names, (name) => document.coefficients[name]?.estimate ?? Number.NaN);
}

function ratingsEstimation(spec: EstimationSpec): EstimationOutcome {
  if (spec.responses.kind !== 'ratings') return { ok: false, error: 'these responses are not ratings' };
  const data = ratingsDataFromStored(spec.responses);
  const report = ratingsReport(data);
  if (!report.ok) return { ok: false, error: report.error };
  const estimate = estimateRatings(data);
  if (!estimate.ok) return { ok: false, error: estimate.error };
  const { layout, fit, respondents } = estimate.value;
  const document = reportDocument(report.value);
  const price = priceOf(spec.study, spec.responses);
  const withWtp: EstimationReportDocument =
    price === undefined
      ? document
      : {
          ...document,
          price,
          willingnessToPay: wtpForAttributes(layout, fit.estimates, fit.covariance.classical, price).map(
            (entry) => ({ ...entry, method: 'coefficient ratio, delta-method SE (OLS covariance)' }),
          ),
        };
  const fitted = respondents.filter((entry) => entry.estimates !== null);
  const individual = new Float64Array(fitted.length * layout.names.length);
  fitted.forEach((entry, r) => individual.set(entry.estimates as Float64Array, r * layout.names.length));
  return {
    ok: true,
    result: {
      estimation: stamp(spec, report.value, withWtp),
      simulation: {
        coding: layout.coding,
        intercept: layout.intercept,
        names: layout.names,
        aggregate: Float64Array.from(fit.estimates),
        respondents: fitted.map((entry) => entry.respondent),
        individual,
      },
    },
  };
}

function choiceEstimation(spec: EstimationSpec, hooks: HbHooks): EstimationOutcome {
  if (spec.responses.kind !== 'choices') return { ok: false, error: 'these responses are not choices' };
  const data = choiceDataFromStored(spec.responses);
  const layout = parameterLayout(data.attributes, { coding: 'dummy', none: data.hasNone });
  const price = priceOf(spec.study, spec.responses);
  const report =
    spec.kind === 'mnl'
      ? choiceReport(data, layout, price)
      : hbReport(
          data,
          layout,
          price,
          { seed: spec.seed, iterations: spec.iterations, burnIn: spec.burnIn },
          hooks,
        );
  if (!report.ok) return { ok: false, error: report.error };
  const document = reportDocument(report.value);
  const k = layout.names.length;
  let respondents: string[] = [];
  let individual = new Float64Array(0);
  if (spec.kind === 'hb') {
    // hbReport lists each respondent's posterior means by parameter name.
    const perRespondent = report.value.document['individual'] as Readonly<
      Record<string, { readonly coefficients: Readonly<Record<string, number | null>> }>
    >;
    respondents = Object.keys(perRespondent);
    individual = new Float64Array(respondents.length * k);
    respondents.forEach((respondent, r) =>
      layout.names.forEach((name, p) => {
        individual[r * k + p] = perRespondent[respondent]?.coefficients[name] ?? Number.NaN;
      }),
    );
  }
  return {
    ok: true,
    result: {
      estimation: stamp(spec, report.value, document),
      simulation: {
        coding: layout.coding,
        intercept: layout.intercept,
        names: layout.names,
        aggregate: vectorFrom(document, layout.names),
        respondents,
        individual,
      },
    },
  };
}

function stamp(
  spec: EstimationSpec,
  report: EstimationReport,
  document: EstimationReportDocument,
): EstimationResult['estimation'] {
  const hb = spec.kind === 'hb';
  return {
    kind: spec.kind,
    estimatedAt: spec.estimatedAt,
    appVersion: spec.appVersion,
    dataHash: spec.responses.source.dataHash,
    seed: hb ? spec.seed : null,
    options: hb ? { iterations: spec.iterations, burnIn: spec.burnIn } : {},
    statistic: report.statistic,
    report: document,
  };
}

/** Runs one estimation to the end (HB reports progress through `hooks`); failures come back as data. */
export function runEstimation(spec: EstimationSpec, hooks: HbHooks = {}): EstimationOutcome {
  if (spec.responses.kind !== KIND_DATA[spec.kind])
    return {
      ok: false,
      error: `${spec.kind === 'ratings' ? 'ratings OLS needs ratings' : 'a choice model needs choices'}; the study holds ${spec.responses.kind}`,
    };
  if (spec.kind === 'hb') {
    if (!(Number.isInteger(spec.iterations) && spec.iterations >= 2))
      return { ok: false, error: 'hierarchical Bayes needs at least 2 iterations' };
    if (!(Number.isInteger(spec.burnIn) && spec.burnIn >= 0 && spec.burnIn < spec.iterations))
      return { ok: false, error: 'the burn-in must be a whole number below the iterations' };
  }
  return spec.kind === 'ratings' ? ratingsEstimation(spec) : choiceEstimation(spec, hooks);
}

/** The estimate as the workspace saves it (plain arrays: it travels as JSON). */
export function savedEstimation(result: EstimationResult): ConjointEstimation {
  return {
    ...result.estimation,
    simulation: {
      ...result.simulation,
      names: [...result.simulation.names],
      aggregate: Array.from(result.simulation.aggregate),
      respondents: [...result.simulation.respondents],
      individual: Array.from(result.simulation.individual),
    },
  };
}
