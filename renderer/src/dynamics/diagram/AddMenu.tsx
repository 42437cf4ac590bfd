import { useEffect, useRef, useState } from 'react';
import type { NewVariableKind } from '../../../../model/sd/edit';

const CHOICES: readonly { readonly kind: NewVariableKind; readonly label: string }[] = [
  { kind: 'stock', label: 'Stock' },
  { kind: 'flow', label: 'Flow' },
  { kind: 'aux', label: 'Auxiliary' },
];

/** "Add" and its menu of the three kinds of variable; Escape or a click elsewhere closes it. */
export function AddMenu({ onAdd }: { readonly onAdd: (kind: NewVariableKind) => void }) {
  const [open, setOpen] = useState(false);
  const holder = useRef<HTMLDivElement>(null);
  const firstItem = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    firstItem.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || holder.current?.contains(event.target) !== true) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  return (
    <div
      className="add-menu"
      ref={holder}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Add ▾
      </button>
      {open ? (
        <div className="add-menu-items" role="menu" aria-label="Add a variable">
          {CHOICES.map((choice, index) => (
            <button
              key={choice.kind}
              ref={index === 0 ? firstItem : undefined}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                onAdd(choice.kind);
              }}
            >
              {choice.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
