import { useState } from 'react';
import styles from './Share.module.css';

type Props = { url: string; title: string; className?: string };

/** Copies the canonical link and says so; offers the system share sheet where the browser has one. */
export function CopyLinkButton({ url, title, className }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const onClick = async () => {
    if (canShare) {
      try {
        await navigator.share({ url, title });
        return;
      } catch (e) {
        if ((e as DOMException).name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('manual');
    }
  };
  return (
    <span className={styles.copy}>
      <button type="button" className={className ?? styles.button} onClick={onClick}>
        {canShare ? 'Share link' : 'Copy link'}
      </button>
      <span role="status" className={styles.confirm}>
        {state === 'copied' && 'Link copied'}
      </span>
      {state === 'manual' && (
        <input
          className={styles.manual}
          readOnly
          value={url}
          aria-label="Link to copy"
          ref={(el) => el?.select()}
        />
      )}
    </span>
  );
}
