/**
 * A native modal <dialog> as the app's dialogs use it: modal before the first paint, Tab kept
 * inside, Escape and Close giving focus back to the opener, and the page's shortcuts standing
 * aside while it is open (`data-own-keys`). Shared by the features' dialogs (Embed, shortcuts).
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';
import { openModal, wrapTab } from '../lib/dom/modalDialog.ts';

/** Returns `close` (for a Close button) and the props to spread on the <dialog>. */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeModal = useRef<() => void>(() => {});
  // A layout effect, so the dialog is modal before the first paint and before anything else takes focus.
  useLayoutEffect(() => {
    const close = openModal(ref.current!);
    closeModal.current = close;
    return close;
  }, []);
  const close = () => {
    closeModal.current();
    onClose();
  };
  const dialogProps = {
    ref,
    'data-own-keys': true,
    onCancel: (e: SyntheticEvent<HTMLDialogElement>) => { e.preventDefault(); close(); },
    onKeyDown: (e: KeyboardEvent<HTMLDialogElement>) => wrapTab(e.currentTarget, e),
  };
  return { close, dialogProps };
}
