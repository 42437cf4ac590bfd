import type { NetworkDocument } from '../../../../electron/api/contract';

/** Two waves of a network side by side (stub: being built). */
export function WaveComparison(props: { readonly network: NetworkDocument }) {
  return <p>Comparing the waves of {props.network.name} is being built.</p>;
}
