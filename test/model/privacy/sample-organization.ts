/** The sample organization of sample-data/network read as the app reads it (model/stats's CSV reader). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importNetwork, type NetworkGraph } from '../../../model/network';
import { parseCsv } from '../../../model/stats';

export const SAMPLE_NETWORK = resolve(import.meta.dirname, '../../../sample-data/network');

const table = (file: string) => ({
  fileName: file,
  records: parseCsv(readFileSync(join(SAMPLE_NETWORK, file), 'utf8')).records,
});

export function sampleWave(wave: 'before' | 'after'): NetworkGraph {
  const result = importNetwork(table(`edges-${wave}.csv`), table('nodes.csv'), { directed: true });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result.graph;
}

/** A few of the sample's fictional names, to search for where none may be. */
export const SAMPLE_NAMES = ['Maya Okafor', 'Selin Fischer', 'Priya Asante', 'Yuki Kowalski'] as const;
