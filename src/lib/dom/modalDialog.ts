/**
 * Modal <dialog> helpers shared by every dialog of the app: open it and give
 * focus back to its opener when it closes, and keep Tab inside it.
 */

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';

/**
 * Opens `dialog` as a modal (the page behind turns inert) and returns the function that closes it
 * and puts focus back on `opener` (by default what had focus before). Closing twice is harmless.
 */
export function openModal(dialog: HTMLDialogElement, opener: Element | null = document.activeElement): () => void {
  const back = opener instanceof HTMLElement && opener !== document.body ? opener : null;
  if (!dialog.open) dialog.showModal?.();
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    if (dialog.open) dialog.close?.();
    // close() restores focus in Chromium only while the dialog is in the document; React may
    // already have removed it, so give focus back ourselves.
    if (back?.isConnected && !dialog.contains(back)) back.focus();
  };
}

/** The elements of `root` that Tab reaches, in order (visible, not disabled, not tabindex -1). */
function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && (typeof el.checkVisibility !== 'function' || el.checkVisibility()));
}

/**
 * Keeps Tab inside `dialog`: from its last control Tab goes to its first, and Shift+Tab back, as
 * the ARIA modal dialog pattern asks (a native modal would otherwise hand focus to the browser).
 * Call from the dialog's keydown handler; returns whether it moved focus.
 */
export function wrapTab(dialog: HTMLElement, event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'preventDefault'>): boolean {
  if (event.key !== 'Tab') return false;
  const all = tabbables(dialog);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return false;
  const active = document.activeElement;
  const target = event.shiftKey
    ? (active === first || !dialog.contains(active) ? last : null)
    : (active === last || !dialog.contains(active) ? first : null);
  if (!target) return false;
  event.preventDefault();
  target.focus();
  return true;
}
