/**
 * Small caches for the diagram, which is recomputed on every change of the document (each frame of a drag,
 * each keystroke in an equation): a model's names and equations barely change between two of those, so
 * their canonical forms and parses are kept instead of being worked out again hundreds of times.
 */
import { canonicalName, referenceKey } from '../names';

/** A function of one string, remembered for up to `limit` distinct arguments (then forgotten all at once). */
export function remembered<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const cache = new Map<string, { readonly value: T }>();
  return (text: string) => {
    const known = cache.get(text);
    if (known !== undefined) return known.value;
    if (cache.size >= limit) cache.clear();
    const value = compute(text);
    cache.set(text, { value });
    return value;
  };
}

/** canonicalName (XMILE 1.0 section 3.2.2), remembered. */
export const canonical = remembered(canonicalName);

/** referenceKey (a name as written in an `<inflow>`, quotes allowed), remembered. */
export const canonicalReference = remembered(referenceKey);
