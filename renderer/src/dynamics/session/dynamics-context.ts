import { createContext, useContext } from 'react';
import type { DynamicsSession } from './use-dynamics-session';

/** What every panel of an open model shares: the session, and which variable is selected. */
export interface DynamicsContextValue {
  readonly session: DynamicsSession;
  /** The selected variable's name as written in the model, if any. */
  readonly selected: string | undefined;
  readonly select: (name: string | undefined) => void;
  /** Variables the diagram draws highlighted (a feedback loop chosen in the Loops analysis), by name. */
  readonly highlighted: ReadonlySet<string>;
  readonly highlight: (names: ReadonlySet<string>) => void;
}

export const DynamicsContext = createContext<DynamicsContextValue | undefined>(undefined);

export function useDynamics(): DynamicsContextValue {
  const value = useContext(DynamicsContext);
  if (value === undefined) throw new Error('useDynamics is used outside an open model');
  return value;
}
