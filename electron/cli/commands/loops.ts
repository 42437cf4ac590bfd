/**
 * `loops MODEL.xmile`: the model's feedback loops and their dominance over a run (model/sd/loops): per loop
 * its name, polarity, variables and relative loop score at each saved time (Loops That Matter, Schoenberg,
 * Davidsen & Eberlein 2020, with the 2023 flow-to-stock link score).
 *
 * CSV (issue 5): header `loop,polarity,<saved times>`, one row per loop with its relative loop score (a
 * fraction in [−1, 1]) at each time. JSON: the run's stamp, how the loops were found, the times, and per
 * loop its name, title, polarity, variables, links and relative and absolute scores. Loops are listed in
 * reading order (R1, R2, ..., B1, ..., U1). A score is labelled with the end of the dt it describes (Stella
 * labels the same number with the start).
 */
import { createHash } from 'node:crypto';
import { DEFAULT_SEED } from '../../../model/sd';
import {
  analyzeLoops,
  compareLoopNames,
  type AnalyzedLoop,
  type LoopAnalysis,
} from '../../../model/sd/loops';
import { APP_VERSION } from '../../app-info';
import { InputError, onlyFile, parseCommandArgs, parseFormat, type CliCommand } from '../command';
import { csvRow, writeResult } from '../output';
import { exportedAt, stampComments } from '../stamp';
import { loadModel } from './simulate';

const USAGE = `loops MODEL.xmile [--format csv|json] [--stamp] [--out FILE]

Finds the feedback loops of a system-dynamics model (XMILE 1.0, as Stella writes it) and scores their
dominance over one run with Loops That Matter: every loop while the model has at most 1,000, otherwise
the ones the strongest-path search finds (the output says which).
  --format     csv (default): header "loop,polarity" then the saved times, one row per loop with its
               relative loop score (a fraction in [-1, 1]) at each time; json: stamp, method, times and
               per loop its name, polarity, variables, links and scores
  --stamp      (csv) the reproducibility stamp as "# key: value" lines above the header
  --out        write to FILE instead of standard output

Polarity: reinforcing, balancing, changing (its sign changes during the run) or undetermined.`;

/** JSON numbers cannot be NaN or infinite: those become null. */
const jsonNumbers = (values: Float64Array): (number | null)[] =>
  Array.from(values, (value) => (Number.isFinite(value) ? value : null));

function inReadingOrder(analysis: LoopAnalysis): AnalyzedLoop[] {
  return [...analysis.loops].sort((a, b) => compareLoopNames(a.name, b.name));
}

export function loopsCsv(analysis: LoopAnalysis): string {
  const lines = [csvRow(['loop', 'polarity', ...analysis.time])];
  for (const loop of inReadingOrder(analysis)) {
    lines.push(
      csvRow([
        loop.name,
        loop.polarity,
        ...Array.from(loop.relativeScore, (value) => (Number.isFinite(value) ? value : null)),
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const loopsCommand: CliCommand = {
  name: 'loops',
  summary: 'find the feedback loops of a model (XMILE) and their dominance over time (Loops That Matter)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string' },
      out: { type: 'string' },
      stamp: { type: 'boolean' },
    });
    const modelPath = onlyFile(positionals, 'model');
    const format = parseFormat(values.format, ['csv', 'json'] as const, 'csv');
    const { model, text, fileName, parameters } = loadModel(modelPath, io);
    const analyzed = analyzeLoops(model, { parameters, seed: DEFAULT_SEED });
    if (!analyzed.ok)
      throw new InputError(
        `cannot analyse the loops of ${fileName}: ${analyzed.errors[0]?.message ?? 'unknown problem'}`,
      );
    const analysis = analyzed.value;
    for (const note of analysis.notes) io.stderr(`note: ${note}\n`);
    const stamp = {
      model: fileName,
      modelHash: createHash('sha256').update(text).digest('hex'),
      method: model.specs.method,
      appVersion: APP_VERSION,
      seed: model.usesRandom ? DEFAULT_SEED : null,
      exportedAt: exportedAt(io),
    };
    if (format === 'csv') {
      const comments = stampComments('empathy-workbench/loops@1', [
        ['model', stamp.model],
        ['model_sha256', stamp.modelHash],
        ['seed', stamp.seed ?? 'none (the model uses no random functions)'],
        ['app_version', stamp.appVersion],
        ['exported_at', stamp.exportedAt],
        ['method', stamp.method],
      ]);
      // The CSV's shape is a public interface (issue 5: header first), so its stamp lines are asked for.
      const head = values.stamp === true ? `${comments.join('\n')}\n` : '';
      writeResult(io, `${head}${loopsCsv(analysis)}`, values.out);
      return;
    }
    const document = {
      ...stamp,
      loopMethod: analysis.method,
      methodNote: analysis.methodNote,
      polarityNote: analysis.polarityNote,
      notes: analysis.notes,
      time: jsonNumbers(analysis.time),
      loops: inReadingOrder(analysis).map((loop) => ({
        name: loop.name,
        title: loop.title ?? null,
        documented: loop.documented,
        polarity: loop.polarity,
        variables: loop.variables,
        links: loop.links,
        importance: loop.importance,
        relativeScore: jsonNumbers(loop.relativeScore),
        score: jsonNumbers(loop.score),
      })),
    };
    writeResult(io, JSON.stringify(document), values.out);
  },
};
