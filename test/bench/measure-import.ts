/**
 * Measurement data set speed (issue 10): the measure.* operations over a real workspace in a temp folder, on
 * the sample survey (200 respondents x 28 IRI items) and on a synthetic IRI survey of 50,000 rows (25,000 people
 * in two waves, with a name column, 4.5 MB of CSV): preview, import (plain, and pseudonymized with its key kept),
 * list, get, settings saved, delete. Each line gives the wall-clock time and this process's CPU time (the CPU
 * figure is steadier on a shared machine). The work runs on the backend's thread, as a network import does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/api/dispatch';
import type { OperationInput, OperationName, OperationOutput } from '../../electron/api/contract';
import { createHandlers } from '../../electron/services/handlers';
import { openWorkspace } from '../../electron/store/workspace';
import type { Benchmark } from './main';

const SAMPLE_SURVEY = path.resolve(import.meta.dirname, '../../sample-data/measure/survey.csv');

/** An IRI survey of `rows` answers: half the people before, the same people after; answers cycle through 0-4. */
function syntheticSurvey(rows: number): string {
  const people = Math.ceil(rows / 2);
  const items = Array.from({ length: 28 }, (_unused, index) => `IRI${index + 1}`);
  const lines = [['id', 'name', 'team', 'wave', ...items].join(',')];
  for (let row = 0; row < rows; row++) {
    const person = row % people;
    const answers = items.map((_item, index) => String((row * 7 + index * 3) % 5));
    lines.push(
      [
        `e${person}`,
        `Person ${person}`,
        `Team ${person % 20}`,
        row < people ? 'before' : 'after',
        ...answers,
      ].join(','),
    );
  }
  return lines.join('\n');
}

export const measureImportBenchmark: Benchmark = {
  name: 'Measurement data sets: import, pseudonyms, read back',
  async run(print) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'empathy-bench-measure-'));
    const workspace = openWorkspace({ dataDir, backupOnOpen: false });
    try {
      const handlers = createHandlers({ workspace, host: 'test' });
      const project = workspace.projects.create({ name: 'Bench' });
      async function timed<K extends OperationName>(
        label: string,
        operation: K,
        input: OperationInput<K>,
      ): Promise<OperationOutput<K>> {
        const cpu = process.cpuUsage();
        const start = performance.now();
        const result = await dispatch(handlers, operation, input);
        const wall = performance.now() - start;
        const used = process.cpuUsage(cpu);
        if (!result.ok) throw new Error(`${label}: ${result.error.message}`);
        print(
          `  ${label.padEnd(44)} ${wall.toFixed(0).padStart(7)} ms wall ${((used.user + used.system) / 1000).toFixed(0).padStart(7)} ms CPU`,
        );
        return result.value as OperationOutput<K>;
      }
      const files = [
        { label: 'sample survey.csv (200 rows)', text: fs.readFileSync(SAMPLE_SURVEY, 'utf8') },
        { label: 'synthetic survey (50,000 rows)', text: syntheticSurvey(50_000) },
      ];
      for (const file of files) {
        print(`${file.label}: ${(file.text.length / 1e6).toFixed(2)} MB`);
        const source = {
          projectId: project.id,
          kind: 'survey' as const,
          fileName: 'survey.csv',
          text: file.text,
        };
        await timed('preview', 'measure.previewImport', source);
        const plain = await timed('import', 'measure.import', { ...source, name: 'Plain' });
        const pseudonymized = await timed('import, pseudonymized, key kept', 'measure.import', {
          ...source,
          name: 'Pseudonyms',
          pseudonymize: true,
          keepKey: true,
        });
        await timed('list (no rows)', 'measure.list', { projectId: project.id });
        await timed('get (with rows)', 'measure.get', { id: plain.id });
        await timed('key', 'measure.key', { id: pseudonymized.id });
        await timed('updateSettings', 'measure.updateSettings', {
          id: plain.id,
          settings: { kind: 'survey', scale: 'iri', columns: {}, teamColumn: 'team' },
        });
        await timed('delete', 'measure.delete', { id: plain.id });
        await timed('delete (pseudonymized)', 'measure.delete', { id: pseudonymized.id });
      }
    } finally {
      workspace.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
