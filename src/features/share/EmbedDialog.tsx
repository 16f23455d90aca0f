import { useLayoutEffect, useRef, useState } from 'react';
import { openModal, wrapTab } from '../../lib/dom/modalDialog.ts';
import styles from './Share.module.css';

/** Shows the <iframe> snippet that embeds the current view, ready to copy. Loaded on demand. */
export default function EmbedDialog({ url, title, onClose }: { url: string; title: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeModal = useRef<() => void>(() => {});
  const [copied, setCopied] = useState(false);
  const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const snippet = `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="100%" height="520" loading="lazy" style="border:0;max-width:100%"></iframe>`;
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
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="embed-title"
      data-own-keys
      onCancel={(e) => { e.preventDefault(); close(); }}
      onKeyDown={(e) => wrapTab(e.currentTarget, e)}
    >
      <h2 id="embed-title">Embed this view</h2>
      <p>Paste this into your page. The embed opens on what you see now (selection, window and filters), and links back to the full timeline.</p>
      <label htmlFor="embed-snippet" className="visually-hidden">Embed code</label>
      <textarea id="embed-snippet" className={styles.snippet} readOnly value={snippet} onFocus={(e) => e.currentTarget.select()} />
      <div className={styles.actions}>
        <span role="status" className={styles.confirm}>{copied ? 'Embed code copied' : ''}</span>
        <button
          type="button"
          className={styles.button}
          onClick={async () => {
            try { await navigator.clipboard.writeText(snippet); setCopied(true); } catch { document.getElementById('embed-snippet')?.focus(); }
          }}
        >
          Copy code
        </button>
        <button type="button" className={styles.button} onClick={close}>Close</button>
      </div>
    </dialog>
  );
}
