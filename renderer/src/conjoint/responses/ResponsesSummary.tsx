import type { ConjointResponses } from '../../../../electron/api/contract';
import { formatWhen } from '../format';

/** What the saved responses are: file, size, respondents, how columns were read, and the data hash. */
export function ResponsesSummary({ responses }: { readonly responses: ConjointResponses }) {
  const { source } = responses;
  const count =
    responses.kind === 'ratings'
      ? `${responses.observations.rating.length.toLocaleString('en-US')} ratings (${responses.format} format)`
      : `${responses.tasks.chosen.length.toLocaleString('en-US')} choice tasks${responses.hasNone ? ' with a None alternative' : ''}`;
  return (
    <section className="panel responses-summary" aria-label="Saved responses">
      <h3 className="panel-title">Saved responses</h3>
      <dl className="facts">
        <div>
          <dt>File</dt>
          <dd>
            {source.fileName} ({source.rows.toLocaleString('en-US')} rows), imported{' '}
            {formatWhen(source.importedAt)}
          </dd>
        </div>
        <div>
          <dt>Respondents</dt>
          <dd>{responses.respondents.length.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Data</dt>
          <dd>{count}</dd>
        </div>
        <div>
          <dt>Columns</dt>
          <dd>
            {Object.entries(source.mapping)
              .map(([role, column]) => (role === column ? role : `${role} ← ${column}`))
              .join(', ')}
          </dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd>
            <code title={source.dataHash}>{source.dataHash.slice(0, 16)}…</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}
