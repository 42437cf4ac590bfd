/** The chart width hook, now in components; still named here by the Compare tab's chart. */
export { useWidth } from '../../components/use-width';
