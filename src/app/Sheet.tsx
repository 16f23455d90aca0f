import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { openModal, wrapTab } from '../lib/dom/modalDialog.ts';
import styles from './Sheet.module.css';

/**
 * A full-screen modal sheet on a phone: the native <dialog>, so the page behind is inert and Esc
 * closes it; Tab stays inside, and focus goes back to what opened it when it closes. The viewer
 * may then move focus on (to the event in the list, or the link the reader was opened from).
 */
export function Sheet({ label, onClose, children }: { label: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect: showModal() moves focus to the first control, and the content's own effects
  // (which may focus a passage) must run after it, not before.
  useLayoutEffect(() => openModal(ref.current!), []);
  return (
    <dialog
      ref={ref}
      className={styles.sheet}
      aria-label={label}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => wrapTab(e.currentTarget, e)}
    >
      {children}
    </dialog>
  );
}
