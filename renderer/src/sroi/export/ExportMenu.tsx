import { useEffect, useState } from 'react';
import { call } from '../../api';
import { downloadText } from '../../dynamics/download';
import { useSroi } from '../session/sroi-context';
import { analysisFileName, analysisFileText } from './analysis-file';
import { valueMapCsv } from './value-map-csv';

/** The analysis out of the app: the value map as CSV, the analysis as a documented JSON file. */
export function ExportMenu() {
  const { session, evaluation } = useSroi();
  const [version, setVersion] = useState<string | undefined>();
  useEffect(() => {
    let cancelled = false;
    call('app.info', {}).then(
      (info) => {
        if (!cancelled) setVersion(info.version);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const document = { ...session.document, name: session.name };
  return (
    <div className="export-group" role="group" aria-label="Export the analysis">
      <button
        type="button"
        onClick={() =>
          downloadText(
            analysisFileName(`${session.name} value map`, 'csv'),
            'text/csv',
            valueMapCsv(document, evaluation.ok ? evaluation.value : undefined),
          )
        }
      >
        Value map CSV
      </button>
      <button
        type="button"
        onClick={() =>
          downloadText(
            analysisFileName(session.name, 'sroi.json'),
            'application/json',
            analysisFileText(document, { exportedAt: new Date(), appVersion: version }),
          )
        }
      >
        Analysis JSON
      </button>
    </div>
  );
}
