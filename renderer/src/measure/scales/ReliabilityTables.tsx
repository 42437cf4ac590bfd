import type { ScoringKey, SubscaleReliability } from '../../../../model/measure';
import { formatFixed } from './scales-format';
import { ITEM_TOTAL_EXPLAINED, RELIABILITY_EXPLAINED } from './scales-words';
import { dropRaisesAlpha } from './survey-analysis';

/**
 * Cronbach's alpha per subscale with its n (listwise), then a table per subscale: each item's alpha if dropped
 * and corrected item-total r, an item whose removal raises alpha flagged (↑, and said in words for screen
 * readers).
 */
export function ReliabilityTables({
  keyUsed,
  reliability,
}: {
  readonly keyUsed: ScoringKey;
  readonly reliability: readonly SubscaleReliability[];
}) {
  const names = new Map(keyUsed.subscales.map((subscale) => [subscale.id, subscale.name]));
  return (
    <div className="reliability">
      <p className="muted small">{RELIABILITY_EXPLAINED}</p>
      <div className="table-scroll">
        <table className="scales-table" data-testid="alpha-table">
          <thead>
            <tr>
              <th scope="col">Subscale</th>
              <th scope="col" className="number">
                Items
              </th>
              <th scope="col" className="number">
                n (answered all)
              </th>
              <th scope="col" className="number">
                Cronbach’s α
              </th>
            </tr>
          </thead>
          <tbody>
            {reliability.map((entry) => (
              <tr key={entry.subscale} data-subscale={entry.subscale}>
                <th scope="row">
                  {names.get(entry.subscale) ?? entry.subscale} ({entry.subscale})
                </th>
                <td className="number">{entry.items}</td>
                <td className="number" data-testid="alpha-n">
                  {entry.n}
                </td>
                <td className="number" data-testid="alpha-value">
                  {formatFixed(entry.alpha, 3)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="item-tables">
        {reliability.map((entry) => (
          <div key={entry.subscale} className="table-scroll">
            <table className="scales-table" data-testid={`items-${entry.subscale}`}>
              <caption>
                {names.get(entry.subscale) ?? entry.subscale}: α = {formatFixed(entry.alpha, 3)}, n ={' '}
                {entry.n}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="number">
                    α if dropped
                  </th>
                  <th scope="col" className="number" title={ITEM_TOTAL_EXPLAINED}>
                    Item-total r
                  </th>
                </tr>
              </thead>
              <tbody>
                {entry.perItem.map((item) => {
                  const raises = dropRaisesAlpha(entry.alpha, item.alphaIfDropped);
                  return (
                    <tr key={item.item} className={raises ? 'raises' : undefined}>
                      <th scope="row">
                        {item.item}
                        {keyUsed.reverse.includes(item.item) ? (
                          <span className="muted small"> (R)</span>
                        ) : null}
                      </th>
                      <td className="number">
                        {formatFixed(item.alphaIfDropped, 3)}
                        {raises ? (
                          <span className="raise-flag" title="Dropping this item raises alpha">
                            {' '}
                            ↑<span className="visually-hidden"> dropping it raises alpha</span>
                          </span>
                        ) : null}
                      </td>
                      <td className="number">{formatFixed(item.correctedItemTotal, 2)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </div>
      <p className="muted small">
        (R): reverse-keyed, scored as {keyUsed.answers.min} + {keyUsed.answers.max} − answer.
      </p>
    </div>
  );
}
