import { useLayoutEffect, useRef, type ReactNode } from 'react';
import styles from './Sheet.module.css';

/** A full-screen modal sheet on a phone: the native <dialog>, so focus stays inside and Esc closes it. */
export function Sheet({ label, onClose, children }: { label: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect: showModal() moves focus to the first control, and the content's own effects
  // (which may focus a passage) must run after it, not before.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal?.();
    return () => dialog.close?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className={styles.sheet}
      aria-label={label}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
