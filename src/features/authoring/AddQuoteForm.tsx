import { useId, useState, type FormEvent } from 'react';
import type { Article, TimelineEvent } from '../../data/schema.ts';
import { formatLongDay } from '../../lib/time/calendarDay.ts';
import { AuthoringDialog, Field, PassagePreview } from './AuthoringDialog.tsx';
import { devServerClient, type AuthoringClient } from './authoringClient.ts';
import { sortErrors } from './fieldErrors.ts';
import type { SelectedPassage } from './readSelection.ts';
import { useSave } from './useSave.ts';
import styles from './Authoring.module.css';

export type AddQuoteFormProps = {
  article: Pick<Article, 'id' | 'headline'>;
  passage: SelectedPassage;
  events: ReadonlyArray<Pick<TimelineEvent, 'id' | 'date' | 'title'>>;
  onSaved: (id: string) => void;
  onClose: () => void;
  client?: AuthoringClient;
};

/** "Add quote to event…": the passage as one more quote of an existing event. */
export function AddQuoteForm({ article, passage, events, onSaved, onClose, client = devServerClient }: AddQuoteFormProps) {
  const uid = useId();
  const [event, setEvent] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [missing, setMissing] = useState(false);
  const { problems, saving, save } = useSave(client, onSaved);
  const sorted = sortErrors(problems, event, ['quote', 'speaker']);
  const quoteErrors = [...(sorted.byField.get('quote') ?? []), ...(sorted.byField.get('speaker') ?? [])];

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setMissing(!event);
    if (!event) {
      e.currentTarget.querySelector<HTMLElement>('select')?.focus();
      return;
    }
    await save({
      action: 'quote', passage: { article: article.id, paragraph: passage.paragraph, start: passage.start, end: passage.end },
      event, ...(speaker.trim() && { speaker: speaker.trim() }),
    });
  };

  return (
    <AuthoringDialog title="Add quote to event" titleId={`${uid}-heading`} onClose={onClose}>
      <form className={styles.form} onSubmit={submit} noValidate>
        <PassagePreview text={passage.text} where={`${article.headline}, paragraph ${passage.paragraph + 1}, characters ${passage.start}–${passage.end}`} />
        <Field id={`${uid}-event`} label="Event" errors={missing ? ['choose the event this passage is a quote of'] : []}>
          {(describedBy, invalid) => (
            <select id={`${uid}-event`} value={event} onChange={(e) => setEvent(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
              <option value="">Choose…</option>
              {events.map((ev) => <option key={ev.id} value={ev.id}>{`${formatLongDay(ev.date)}: ${ev.title}`}</option>)}
            </select>
          )}
        </Field>
        <Field id={`${uid}-speaker`} label="Speaker (optional)" hint="The article’s words that name who speaks, when the passage says only “he said”." errors={quoteErrors}>
          {(describedBy, invalid) => (
            <input id={`${uid}-speaker`} value={speaker} onChange={(e) => setSpeaker(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        {sorted.other.length > 0 && (
          <div role="alert" className={styles.problems}>
            <p>The pipeline refuses this save; nothing was written:</p>
            <ul className={styles.errors}>{sorted.other.map((m) => <li key={m}>{m}</li>)}</ul>
          </div>
        )}
        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={saving}>{saving ? 'Saving…' : 'Add quote'}</button>
        </div>
      </form>
    </AuthoringDialog>
  );
}
