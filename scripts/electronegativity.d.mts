// Types of scripts/electronegativity.mjs for its tests (plain Node runs the .mjs; nothing compiles it).

export interface ElectronegativityIssue {
  readonly id: string;
  readonly file: string;
  readonly sample?: string;
  readonly location?: { readonly line: number; readonly column: number };
  readonly severity?: { readonly name: string; readonly value: number };
  readonly confidence?: { readonly name: string; readonly value: number };
  readonly description?: string;
  readonly manualReview?: boolean;
}

export interface ReviewedFinding {
  readonly check: string;
  readonly file: string;
  readonly line: string;
  readonly reason: string;
}

export interface ScanResult {
  readonly issues: ElectronegativityIssue[];
  readonly errors: { readonly file: string; readonly message: string; readonly tolerable: boolean }[];
}

export const FAILING_SEVERITIES: readonly string[];
export const REVIEWED_FINDINGS: readonly ReviewedFinding[];
export function electronSourceFiles(root: string): Promise<string[]>;
export function transpileForScan(source: string, fileName: string): string;
export function stageScanInputs(root: string, stage: string): Promise<string[]>;
export function judgeFindings(
  issues: readonly ElectronegativityIssue[],
  reviewed?: readonly ReviewedFinding[],
): {
  failing: ElectronegativityIssue[];
  accepted: { issue: ElectronegativityIssue; review: ReviewedFinding }[];
  other: ElectronegativityIssue[];
};
export function scanDirectory(directory: string, electronVersion: string): Promise<ScanResult>;
export function pinnedElectronVersion(root?: string): string;
export function scan(options?: {
  root?: string;
  electronVersion?: string;
}): Promise<ScanResult & { version: string; staged: string[] }>;
