import type { CliCommand } from './command';
import { benchCommand } from './commands/bench';
import { calibrateCommand } from './commands/calibrate';
import { compareAbCommand } from './commands/compare-ab';
import { compareDidCommand } from './commands/compare-did';
import { conjointEstimateCommand } from './commands/conjoint-estimate';
import { kpiSeriesCommand } from './commands/kpi-series';
import { loopsCommand } from './commands/loops';
import { networkMetricsCommand } from './commands/network-metrics';
import { scaleScoreCommand } from './commands/scale-score';
import { runScenariosCommand } from './commands/run-scenarios';
import { sensitivityCommand } from './commands/sensitivity';
import { simulateCommand } from './commands/simulate';
import { sroiEvaluateCommand } from './commands/sroi-evaluate';
import { statsRegressCommand } from './commands/stats-regress';

/**
 * Every CLI command, in the order `--help` lists them. Each lives in `commands/`; multi-word commands
 * (`network metrics`) are matched on their longest prefix.
 */
export const COMMANDS: readonly CliCommand[] = [
  simulateCommand,
  runScenariosCommand,
  benchCommand,
  loopsCommand,
  sensitivityCommand,
  calibrateCommand,
  networkMetricsCommand,
  sroiEvaluateCommand,
  conjointEstimateCommand,
  statsRegressCommand,
  scaleScoreCommand,
  compareAbCommand,
  compareDidCommand,
  kpiSeriesCommand,
];
