import { useEffect, useState, type RefObject } from 'react';
import type { Article, TimelineEvent } from '../../data/schema.ts';
import { AddQuoteForm } from './AddQuoteForm.tsx';
import { EventForm } from './EventForm.tsx';
import { readSelection, type SelectedPassage } from './readSelection.ts';
import styles from './Authoring.module.css';

export type AuthoringToolsProps = {
  article: Article;
  /** The reader's element: only a selection inside its paragraphs counts. */
  root: RefObject<HTMLElement | null>;
  events: ReadonlyMap<string, TimelineEvent>;
};

/** Reloads the page at the event just saved: the dev server has rebuilt the dataset. */
function reloadAt(id: string) {
  const url = new URL(window.location.href);
  url.search = new URLSearchParams({ event: id }).toString();
  url.hash = '';
  window.location.assign(url.href);
}

const shorten = (s: string) => (s.length > 90 ? `${s.slice(0, 60)} … ${s.slice(-25)}` : s);

/**
 * The authoring mode of the source reader (dev server only): follows the selection in the
 * article, and offers "New event from this passage" and "Add quote to event…" for it.
 */
export default function AuthoringTools({ article, root, events }: AuthoringToolsProps) {
  const [passage, setPassage] = useState<SelectedPassage | null>(null);
  const [open, setOpen] = useState<'event' | 'quote' | null>(null);

  // The document's selection is outside React: follow it. The last passage stays offered when
  // the selection collapses (a click on the button below may collapse it).
  useEffect(() => {
    const onChange = () => {
      const el = root.current;
      // A selection inside the dialogs (their own [data-authoring]) is ignored by readSelection.
      if (!el) return;
      const next = readSelection(el, document.getSelection(), article.paragraphs);
      if (next) setPassage(next);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [article, root]);

  const sorted = [...events.values()].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  return (
    <div data-authoring className={styles.bar} role="region" aria-label="Authoring (dev server only)">
      <p className={styles.selected}>
        {passage ? <>Selected in paragraph {passage.paragraph + 1}: “{shorten(passage.text)}”</> : 'Select words of the article to quote them in an event.'}
      </p>
      <div className={styles.actions}>
        <button type="button" className={styles.primary} disabled={!passage} onClick={() => setOpen('event')}>New event from this passage</button>
        <button type="button" className={styles.button} disabled={!passage} onClick={() => setOpen('quote')}>Add quote to event…</button>
      </div>
      {open === 'event' && passage && <EventForm article={article} passage={passage} onSaved={reloadAt} onClose={() => setOpen(null)} />}
      {open === 'quote' && passage && <AddQuoteForm article={article} passage={passage} events={sorted} onSaved={reloadAt} onClose={() => setOpen(null)} />}
    </div>
  );
}
