/**
 * The analysis as a file (issue 8, point 5: "the analysis as a documented JSON file that can be opened again"):
 * the document exactly as the workbench saves it (model/sroi/analysis.ts), with a `$comment` first that says what
 * the file is and how to read its figures. `$comment` is JSON Schema's keyword for notes to people; the import
 * (electron/services/sroi-handlers.ts) sets it aside, so the file opens again as it was exported.
 */
import type { SroiAnalysis } from '../../../../model/sroi';

export const DOCUMENTATION_KEY = '$comment';

export function documentation(
  analysis: SroiAnalysis,
  exportedAt: Date,
  appVersion: string | undefined,
): string {
  const money = analysis.currency === undefined ? 'one currency, unnamed' : analysis.currency;
  return [
    `An SROI analysis exported from Empathy Workbench${appVersion === undefined ? '' : ` ${appVersion}`} on ${exportedAt.toISOString()}.`,
    'It is the impact map of A Guide to Social Return on Investment (Cabinet Office / SROI Network, 2012), stages 1 to 5:',
    'scope and stakeholders; inputs (cash, or time in kind: hours x hourlyRate = value); one outcome per row with its',
    'stakeholder, indicator, quantity (per year), durationYears, startYear (analysis year, 1 = the first), proxyValue',
    '(value of one unit of quantity for a year) and proxySource, and the shares deadweight, displacement, attribution and',
    'dropOff (0 to 1; 0.25 = 25%); discountRate is a yearly share too (0.035, the HM Treasury Green Book rate).',
    `Money is in ${money}. An outcome with a quantityLink takes its quantity from a Dynamics model of the workbench:`,
    'scale x (variable in the scenario - variable in the baseline), aggregated over each year; quantity is the figure',
    'used where the model is not at hand. The format is described in model/sroi/README.md and sample-data/sroi/README.md',
    'of Empathy Workbench. Open the file again with SROI > Import JSON; this $comment is ignored when it is read.',
  ].join(' ');
}

/** The file's text: `$comment` first, then the analysis as saved, two-space indented, ending with a newline. */
export function analysisFileText(
  analysis: SroiAnalysis,
  options: { readonly exportedAt: Date; readonly appVersion?: string | undefined },
): string {
  const file = {
    [DOCUMENTATION_KEY]: documentation(analysis, options.exportedAt, options.appVersion),
    ...analysis,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name from the analysis's name, safe on every system (downloadText replaces the reserved characters). */
export const analysisFileName = (name: string, extension: string): string =>
  `${name.trim() === '' ? 'SROI analysis' : name.trim()}.${extension}`;
