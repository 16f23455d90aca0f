import { useState } from 'react';
import styles from './Share.module.css';

type Props = {
  url: string;
  title: string;
  className?: string;
  /** What the link is to, after "Copy link": e.g. "to this day". */
  subject?: string;
  /** A small link icon with the words for assistive technology only (and as a tooltip). */
  compact?: boolean;
  /** The id of what says more about the link (e.g. the day's heading). */
  describedBy?: string;
  tabIndex?: number;
};

/** The link icon of the compact button. */
function LinkIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8A3 3 0 0 0 7.2 13l.9-.9"
        fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round"
      />
    </svg>
  );
}

/** Copies the canonical link and says so; offers the system share sheet where the browser has one. */
export function CopyLinkButton({ url, title, className, subject, compact = false, describedBy, tabIndex }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const label = `${canShare ? 'Share link' : 'Copy link'}${subject ? ` ${subject}` : ''}`;
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
      <button
        type="button"
        className={className ?? (compact ? styles.iconButton : styles.button)}
        onClick={onClick}
        aria-describedby={describedBy}
        title={compact ? label : undefined}
        tabIndex={tabIndex}
      >
        {compact ? <><LinkIcon /><span className="visually-hidden">{label}</span></> : label}
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
