import type { ReactNode } from 'react';
import { useModalDialog } from '../../ui/useModalDialog.ts';
import styles from './Authoring.module.css';

/**
 * A modal dialog of the authoring mode: focus stays inside, and Escape or Close gives it back to
 * the button that opened it. Escape is taken here, so the source reader around it stays open.
 */
export function AuthoringDialog({ title, titleId, onClose, children }: { title: string; titleId: string; onClose: () => void; children: ReactNode }) {
  const { close, dialogProps } = useModalDialog(onClose);
  return (
    <dialog
      {...dialogProps}
      data-authoring
      className={styles.dialog}
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        // The reader closes on an Escape that nobody took: take it, so only the dialog closes.
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
          return;
        }
        dialogProps.onKeyDown(e);
      }}
    >
      <div className={styles.head}>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className={styles.button} onClick={close}>Close</button>
      </div>
      {children}
    </dialog>
  );
}

/** A labelled field with its hint and its errors beside it, tied together for assistive technology. */
export function Field({ id, label, hint, errors = [], children }: {
  id: string; label: string; hint?: ReactNode; errors?: readonly string[]; children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-errors` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className={styles.hint}>{hint}</p>}
      {children(describedBy, errors.length > 0)}
      {errors.length > 0 && (
        <ul id={`${id}-errors`} className={styles.errors}>
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
    </div>
  );
}

/** The selected words as they will be quoted, with where they stand. */
export function PassagePreview({ text, where }: { text: string; where: string }) {
  return (
    <figure className={styles.passage}>
      <blockquote>{text}</blockquote>
      <figcaption>{where}</figcaption>
    </figure>
  );
}
