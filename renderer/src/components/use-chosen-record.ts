import { useEffect, useState } from 'react';
import { errorText } from '../conjoint/format';

/**
 * An id the user chose in a project (a study, a network, a data set), remembered in localStorage under `key` so
 * the view opens on it again; read when the view opens. Choosing null forgets it.
 */
export function useRememberedChoice<Id extends string>(key: string) {
  const [chosenId, setChosenId] = useState<string | null>(() => localStorage.getItem(key));
  const choose = (id: Id | null) => {
    if (id === null) localStorage.removeItem(key);
    else localStorage.setItem(key, id);
    setChosenId(id);
  };
  return [chosenId, choose] as const;
}

/**
 * The item of a project's list the user chose last (remembered under `key`), else the first, and its whole
 * record, loaded when the choice changes (or its version, when `versionOf` gives one: the list's item says when
 * the record last changed). A late answer for an earlier choice is dropped; a failed load goes to `onProblem`.
 * `load` and `onProblem` must keep their identity (a module-level function, a state setter).
 */
export function useChosenRecord<Item extends { readonly id: string }, R>(
  key: string,
  list: readonly Item[],
  load: (id: Item['id']) => Promise<R>,
  onProblem: (message: string) => void,
  versionOf?: (item: Item) => string,
) {
  const [selectedId, choose] = useRememberedChoice<Item['id']>(key);
  const [record, setRecord] = useState<R | undefined>();
  const chosen = list.find((item) => item.id === selectedId) ?? list[0];
  const chosenId = chosen?.id;
  const version = chosen === undefined ? undefined : versionOf?.(chosen);

  useEffect(() => {
    if (chosenId === undefined) return;
    let current = true;
    load(chosenId).then(
      (loaded) => {
        if (current) setRecord(loaded);
      },
      (error: unknown) => {
        if (current) onProblem(errorText(error));
      },
    );
    return () => {
      current = false;
    };
  }, [chosenId, version, load, onProblem]);

  return { chosen, choose, record, setRecord };
}
