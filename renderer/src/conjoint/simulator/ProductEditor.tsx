import type { EstimationAttribute } from '../../../../model/conjoint';
import type { Product } from './simulator-model';

/**
 * The offers side by side, as market simulators lay them out: one column per offer (its name and a remove
 * button on top), one row per attribute, a level list for a categorical attribute and a number for a numeric one
 * (values outside the studied range are extrapolated, and say so).
 */
export function ProductEditor({
  attributes,
  products,
  prohibited,
  onChange,
}: {
  readonly attributes: readonly EstimationAttribute[];
  readonly products: readonly Product[];
  /** Offers that show a combination the study prohibits. */
  readonly prohibited: ReadonlySet<string>;
  readonly onChange: (products: readonly Product[]) => void;
}) {
  const update = (key: string, change: Partial<Omit<Product, 'key'>>) =>
    onChange(products.map((product) => (product.key === key ? { ...product, ...change } : product)));
  const setValue = (product: Product, a: number, value: number) =>
    update(product.key, { values: product.values.map((current, index) => (index === a ? value : current)) });

  return (
    <div className="table-frame">
      <table className="data-table products">
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            {products.map((product, p) => (
              <th key={product.key} scope="col">
                <input
                  className="product-name"
                  aria-label={`Name of offer ${p + 1}`}
                  value={product.name}
                  maxLength={60}
                  onChange={(event) => update(product.key, { name: event.target.value })}
                />
                <button
                  type="button"
                  className="link danger-link"
                  aria-label={`Remove ${product.name}`}
                  disabled={products.length <= 1}
                  onClick={() => onChange(products.filter((candidate) => candidate.key !== product.key))}
                >
                  ×
                </button>
                {prohibited.has(product.key) ? (
                  <span className="prohibited-note small" role="note">
                    Shows a prohibited combination: respondents never saw it, so its share is a guess.
                  </span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {attributes.map((attribute, a) => (
            <tr key={attribute.name}>
              <th scope="row">{attribute.name}</th>
              {products.map((product) => {
                const value = product.values[a] ?? 0;
                const label = `${attribute.name} of ${product.name}`;
                if (attribute.kind === 'categorical')
                  return (
                    <td key={product.key}>
                      <select
                        aria-label={label}
                        value={value}
                        onChange={(event) => setValue(product, a, Number(event.target.value))}
                      >
                        {attribute.levels.map((level, l) => (
                          <option key={level} value={l}>
                            {level}
                          </option>
                        ))}
                      </select>
                    </td>
                  );
                const low = attribute.values[0] ?? 0;
                const high = attribute.values[attribute.values.length - 1] ?? 0;
                const outside = value < low || value > high;
                return (
                  <td key={product.key}>
                    <input
                      type="number"
                      aria-label={label}
                      value={Number.isFinite(value) ? value : ''}
                      step="any"
                      className="number-cell"
                      onChange={(event) => {
                        const next = Number(event.target.value);
                        if (event.target.value.trim() !== '' && Number.isFinite(next))
                          setValue(product, a, next);
                      }}
                    />
                    {outside ? (
                      <span className="muted small">
                        {' '}
                        outside {low}–{high}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
