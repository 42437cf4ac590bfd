/**
 * `npm run bench`: each instrument's benchmark module in turn. Speed is measured here, never in a test
 * (DEVELOPERS.md); the lines printed are the figures to compare with the budgets of DESIGN.md.
 */
import { conjointBenchmark } from './conjoint';
import { measureImportBenchmark } from './measure-import';
import { networkBenchmark } from './network';
import { networkViewBrowserBenchmark } from './network-view-browser';
import { runScenariosBenchmark } from './run-scenarios';
import { systemDynamicsBenchmark } from './sd';
import { sensitivityBenchmark } from './sensitivity';
import { whatIfBrowserBenchmark } from './whatif-browser';

export interface Benchmark {
  readonly name: string;
  /** Runs the benchmark, printing one line per measurement. */
  run(print: (line: string) => void): Promise<void>;
}

const BENCHMARKS: readonly Benchmark[] = [
  systemDynamicsBenchmark,
  sensitivityBenchmark,
  runScenariosBenchmark,
  whatIfBrowserBenchmark,
  networkBenchmark,
  networkViewBrowserBenchmark,
  conjointBenchmark,
  measureImportBenchmark,
];

// `npm run bench -- network sensitivity` runs only the benchmarks whose name contains one of the words.
const wanted = process.argv.slice(2).map((word) => word.toLowerCase());
const chosen = BENCHMARKS.filter(
  (benchmark) => wanted.length === 0 || wanted.some((word) => benchmark.name.toLowerCase().includes(word)),
);
if (chosen.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}: ${BENCHMARKS.map((b) => b.name).join('; ')}`);
  process.exit(2);
}

for (const benchmark of chosen) {
  console.log(`# ${benchmark.name}`);
  await benchmark.run((line) => console.log(line));
}
