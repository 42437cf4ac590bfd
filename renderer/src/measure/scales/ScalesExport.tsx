import { useState } from 'react';
import type { MeasureDataset, MeasurePrivacy } from '../../../../electron/api/contract';
import { appVersion } from '../../conjoint/app-version';
import { errorText } from '../../conjoint/format';
import { downloadText } from '../../dynamics/download';
import { sha256Hex } from '../../dynamics/scenarios/reproducibility';
import {
  namesStatement,
  reliabilityCsv,
  scoresCsv,
  type ExportContext,
  type ExportFile,
} from './scales-export';
import type { SurveyAnalysis } from './survey-analysis';

/**
 * The scores (per respondent with consent, else per team) and the reliability table as stamped CSV files,
 * with what the files hold said before they leave the app (issue 11).
 */
export function ScalesExport({
  dataset,
  privacy,
  analysis,
  disabled,
}: {
  readonly dataset: MeasureDataset;
  readonly privacy: MeasurePrivacy;
  readonly analysis: SurveyAnalysis;
  /** While the results are being updated to the last change, so a file never holds the settings before it. */
  readonly disabled: boolean;
}) {
  const [problem, setProblem] = useState<string | undefined>();

  const exportFile = async (make: (context: ExportContext, analysis: SurveyAnalysis) => ExportFile) => {
    setProblem(undefined);
    try {
      const [tableHash, version] = await Promise.all([
        sha256Hex(JSON.stringify(dataset.table)),
        appVersion(),
      ]);
      const context: ExportContext = {
        dataset: { name: dataset.name, fileName: dataset.fileName, privacy },
        tableHash,
        appVersion: version,
        exportedAt: new Date().toISOString(),
      };
      const file = make(context, analysis);
      downloadText(file.fileName, 'text/csv', file.text);
    } catch (error) {
      setProblem(`The export failed: ${errorText(error)}`);
    }
  };

  const names = namesStatement(privacy, analysis.labelColumns, privacy.individualConsent);
  return (
    <div className="scales-export" role="group" aria-label="Export">
      <button type="button" disabled={disabled} onClick={() => void exportFile(scoresCsv)}>
        {privacy.individualConsent ? 'Export scores per respondent (CSV)' : 'Export team scores (CSV)'}
      </button>
      <button type="button" disabled={disabled} onClick={() => void exportFile(reliabilityCsv)}>
        Export reliability (CSV)
      </button>
      <span
        className={names.startsWith('real names') ? 'small export-names real' : 'muted small export-names'}
        data-testid="scales-export-names"
      >
        Scores file: {names}.
        {analysis.groups?.note != null ? ' Small groups are left out, and the file says so.' : ''}
      </span>
      {problem !== undefined ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
