import type { KeyboardEvent, ReactNode } from 'react';

/** The id of a tab button and of the one panel it controls, from the caller's useId() base. */
export const tabId = (base: string, id: string): string => `${base}-tab-${id}`;
export const tabPanelId = (base: string): string => `${base}-panel`;

/**
 * A row of tabs (WAI-ARIA tabs pattern: one tab in the Tab order, ArrowLeft/ArrowRight move between tabs and
 * select them, wrapping around). The caller draws the panel with id `tabPanelId(base)`, labelled by
 * `tabId(base, active)`.
 */
export function TabList<Id extends string>({
  base,
  label,
  className = 'tablist',
  tabs,
  active,
  onSelect,
}: {
  readonly base: string;
  readonly label: string;
  readonly className?: string;
  readonly tabs: readonly { readonly id: Id; readonly label: ReactNode }[];
  readonly active: Id;
  readonly onSelect: (id: Id) => void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (next === undefined) return;
    onSelect(next.id);
    document.getElementById(tabId(base, next.id))?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          id={tabId(base, tab.id)}
          type="button"
          role="tab"
          aria-selected={tab.id === active}
          aria-controls={tabPanelId(base)}
          tabIndex={tab.id === active ? 0 : -1}
          className={tab.id === active ? 'tab active' : 'tab'}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
