/**
 * `sroi evaluate ANALYSIS.json`: evaluates an SROI analysis (the file the app exports, model/sroi/analysis.ts)
 * by A Guide to Social Return on Investment (Cabinet Office / SROI Network 2012), stage 5, and writes the
 * totals as JSON. Outcomes linked to a simulation are evaluated with the quantity stored in the file (the CLI
 * does not run the model), with a warning naming each.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeIssues, evaluateAnalysis, parseAnalysis, type SroiEvaluation } from '../../../model/sroi';
import { InputError, onlyFile, parseCommandArgs, parseFormat, type CliCommand, type CliIO } from '../command';
import { writeResult } from '../output';

/** The output fields, named as researchers' scripts read them (issue 8, point 7). */
export interface SroiEvaluateOutput {
  readonly totalInputs: number;
  readonly presentValue: number;
  readonly npv: number;
  readonly ratio: number;
  readonly netRatio: number;
  readonly paybackMonths: number | null;
  readonly discountedPaybackMonths: number | null;
  readonly valuesByYear: readonly number[];
  readonly outcomes: readonly {
    readonly id: string;
    readonly impactYear1: number;
    readonly valuesByYear: readonly number[];
    readonly presentValue: number;
  }[];
}

export function toOutput(evaluation: SroiEvaluation): SroiEvaluateOutput {
  return {
    totalInputs: evaluation.totalInputs,
    presentValue: evaluation.presentValue,
    npv: evaluation.npv,
    ratio: evaluation.ratio,
    netRatio: evaluation.netRatio,
    paybackMonths: evaluation.paybackMonths,
    discountedPaybackMonths: evaluation.discountedPaybackMonths,
    valuesByYear: evaluation.valuesByYear,
    outcomes: evaluation.outcomes.map(({ id, impactYear1, valuesByYear, presentValue }) => ({
      id,
      impactYear1,
      valuesByYear,
      presentValue,
    })),
  };
}

function readAnalysisJson(path: string, io: CliIO): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const USAGE = `sroi evaluate ANALYSIS.json [--format json] [--out FILE]

Evaluates an SROI analysis by A Guide to Social Return on Investment (2012): each outcome's impact
(quantity x proxy x (1 - deadweight)(1 - displacement)(1 - attribution)), drop-off from its second year,
values discounted from year 1 at the file's discountRate (default 0.035), inputs not discounted.
  --format   json (the only format): totalInputs, presentValue, npv, ratio (PV / inputs), netRatio
             (NPV / inputs), paybackMonths (inputs / (year-1 value / 12)), discountedPaybackMonths (months
             until the discounted values add up to the inputs, null if never), valuesByYear (index 0 is
             year 1), outcomes [{ id, impactYear1 (the outcome's own first year), valuesByYear, presentValue }]
  --out      write to FILE instead of standard output
Outcomes with a quantityLink use the quantity stored in the file; a warning names each.`;

export const sroiEvaluateCommand: CliCommand = {
  name: 'sroi evaluate',
  summary: 'evaluate an SROI analysis (JSON): present value, NPV, ratio, payback, values by year',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string' },
      out: { type: 'string' },
    });
    const path = onlyFile(positionals, 'analysis');
    parseFormat(values.format, ['json'] as const, 'json');

    const parsed = parseAnalysis(readAnalysisJson(path, io));
    if (!parsed.ok) throw new InputError(`${path}: ${describeIssues(parsed.errors)}`);
    const evaluated = evaluateAnalysis(parsed.value);
    if (!evaluated.ok) throw new InputError(`${path}: ${describeIssues(evaluated.errors)}`);
    for (const warning of evaluated.warnings) io.stderr(`warning: ${warning.message}\n`);
    writeResult(io, JSON.stringify(toOutput(evaluated.value)), values.out);
  },
};
