import { useState } from 'react';
import { useModalDialog } from '../../ui/useModalDialog.ts';
import styles from './Share.module.css';

/** Shows the <iframe> snippet that embeds the current view, ready to copy. Loaded on demand. */
export default function EmbedDialog({ url, title, onClose }: { url: string; title: string; onClose: () => void }) {
  const { close, dialogProps } = useModalDialog(onClose);
  const [copied, setCopied] = useState(false);
  const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const snippet = `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="100%" height="520" loading="lazy" style="border:0;max-width:100%"></iframe>`;
  return (
    <dialog
      {...dialogProps}
      className={styles.dialog}
      aria-labelledby="embed-title"
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
