import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Article } from '../../data/schema.ts';
import { categoryIds, categoryStyle } from '../../lib/categories.ts';
import { formatLongDay, type CalendarDay } from '../../lib/time/calendarDay.ts';
import { AuthoringDialog, Field, PassagePreview } from './AuthoringDialog.tsx';
import { devServerClient, type AuthoringClient, type ClaimsAnswer, type DateProposal, type PassageAnswer } from './authoringClient.ts';
import { sortErrors } from './fieldErrors.ts';
import { proposeId } from './proposeId.ts';
import type { SelectedPassage } from './readSelection.ts';
import { useSave } from './useSave.ts';
import styles from './Authoring.module.css';

const FIELDS = ['id', 'date', 'category', 'key', 'title', 'summary', 'quote'];
const KIND_WORDS: Record<DateProposal['dateEvidence']['kind'], string> = {
  explicit: 'the words name the day',
  relative: 'counted from the publication day',
  counted: 'a count of days',
  range: 'a range the words bound',
  undated: 'undated',
};
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** How long typing pauses before the claims are checked. */
const CLAIMS_DELAY = 250;

function describeProposal(p: DateProposal): string {
  const days = `${formatLongDay(p.date as CalendarDay)}${p.end ? ` to ${formatLongDay(p.end as CalendarDay)}` : ''}`;
  return `${days}: ${KIND_WORDS[p.dateEvidence.kind]}${p.words ? `, “${p.words}”` : ''}`;
}

const claimErrors = (claims: readonly string[]) => (claims.length
  ? [`${claims.map((c) => (c.startsWith('“') ? c : `“${c}”`)).join(', ')} ${claims.length === 1 ? 'is' : 'are'} not in the quote: use its words, or list ${claims.length === 1 ? 'it' : 'them'} under allow: with a reason`]
  : []);

export type EventFormProps = {
  article: Pick<Article, 'id' | 'headline'>;
  passage: SelectedPassage;
  onSaved: (id: string) => void;
  onClose: () => void;
  client?: AuthoringClient;
};

/** "New event from this passage": the quote, the dates its words give, and the event's fields, checked as they are typed. */
export function EventForm({ article, passage, onSaved, onClose, client = devServerClient }: EventFormProps) {
  const uid = useId();
  const ref = { article: article.id, paragraph: passage.paragraph, start: passage.start, end: passage.end };
  const [answer, setAnswer] = useState<PassageAnswer | string | null>(null);
  const [choice, setChoice] = useState(0);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [category, setCategory] = useState('');
  const [key, setKey] = useState(false);
  const [typedId, setTypedId] = useState<string | null>(null);
  const [claims, setClaims] = useState<ClaimsAnswer>({ title: [], summary: [] });
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const { problems, saving, save } = useSave(client, onSaved);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const asked = useRef(0);
  const id = typedId ?? proposeId(title);

  // The passage's words and dates come from the dev server (the pipeline's own reading of them).
  useEffect(() => {
    let current = true;
    client.passage({ article: ref.article, paragraph: ref.paragraph, start: ref.start, end: ref.end })
      .then((a) => { if (current) setAnswer(a); }, (e: Error) => { if (current) setAnswer(e.message); });
    return () => { current = false; };
  }, [client, ref.article, ref.paragraph, ref.start, ref.end]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const quoteText = typeof answer === 'object' && answer ? answer.text : passage.text;
  const checkClaims = (nextTitle: string, nextSummary: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const n = ++asked.current;
      client.claims({ title: nextTitle, summary: nextSummary, quotes: [quoteText] })
        .then((c) => { if (n === asked.current) setClaims(c); }, () => { /* the save will say it */ });
    }, CLAIMS_DELAY);
  };

  const proposals = typeof answer === 'object' && answer ? answer.proposals : [];
  const chosen = proposals[choice];
  const sorted = sortErrors(problems, id, FIELDS);
  const errorsOf = (field: string) => [
    ...(missing.has(field) ? [field === 'id' ? 'an id is a kebab-case slug such as "second-talks-belarus"' : `${field} is needed`] : []),
    ...(field === 'title' ? claimErrors(claims.title) : field === 'summary' ? claimErrors(claims.summary) : []),
    ...(sorted.byField.get(field) ?? []),
  ];

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const empty = new Set([
      ...(title.trim() ? [] : ['title']), ...(summary.trim() ? [] : ['summary']), ...(category ? [] : ['category']),
      ...(SLUG.test(id) ? [] : ['id']), ...(chosen ? [] : ['date']),
    ]);
    setMissing(empty);
    if (empty.size || !chosen) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await save({
      action: 'event', passage: ref,
      event: { id, date: chosen.date, ...(chosen.end && { end: chosen.end }), key, title: title.trim(), summary: summary.trim(), category, dateEvidence: chosen.dateEvidence },
    });
  };

  const where = `${article.headline}, paragraph ${passage.paragraph + 1}, characters ${passage.start}–${passage.end}`
    + (typeof answer === 'object' && answer?.occurrence ? `; these words occur more than once: occurrence ${answer.occurrence}` : '')
    + (passage.clipped ? '; cut at the end of the paragraph (a quote stays within one)' : '');

  return (
    <AuthoringDialog title="New event from this passage" titleId={`${uid}-heading`} onClose={onClose}>
      <form className={styles.form} onSubmit={submit} noValidate>
        <PassagePreview text={quoteText} where={where} />
        {errorsOf('quote').length > 0 && <ul className={styles.errors}>{errorsOf('quote').map((m) => <li key={m}>{m}</li>)}</ul>}

        <fieldset className={styles.dates} aria-describedby={errorsOf('date').length ? `${uid}-date-errors` : undefined}>
          <legend>Date, from the passage’s words</legend>
          {answer === null && <p role="status" className={styles.hint}>Reading the dates these words give…</p>}
          {typeof answer === 'string' && <p role="alert" className={styles.errorText}>{answer}</p>}
          {proposals.map((p, i) => (
            <label key={`${p.dateEvidence.kind}-${p.at.start}-${p.words}`} className={styles.choice}>
              <input type="radio" name={`${uid}-date`} checked={choice === i} onChange={() => setChoice(i)} />
              <span>{describeProposal(p)}<span className={styles.hint}>, {p.hint}</span></span>
            </label>
          ))}
          {errorsOf('date').length > 0 && <ul id={`${uid}-date-errors`} className={styles.errors}>{errorsOf('date').map((m) => <li key={m}>{m}</li>)}</ul>}
        </fieldset>

        <Field id={`${uid}-category`} label="Category" errors={errorsOf('category')}>
          {(describedBy, invalid) => (
            <select id={`${uid}-category`} value={category} onChange={(e) => setCategory(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
              <option value="">Choose…</option>
              {categoryIds().map((c) => <option key={c} value={c}>{categoryStyle(c).label}</option>)}
            </select>
          )}
        </Field>

        <label className={styles.choice}>
          <input type="checkbox" checked={key} onChange={(e) => setKey(e.target.checked)} />
          <span>Key event (one of the few the edition is about)</span>
        </label>

        <Field id={`${uid}-title`} label="Title" hint="Neutral words; every name, number and “quoted phrase” must be in the quote." errors={errorsOf('title')}>
          {(describedBy, invalid) => (
            <input id={`${uid}-title`} value={title} aria-describedby={describedBy} aria-invalid={invalid}
              onChange={(e) => { setTitle(e.target.value); checkClaims(e.target.value, summary); }} />
          )}
        </Field>

        <Field id={`${uid}-summary`} label="Summary" errors={errorsOf('summary')}>
          {(describedBy, invalid) => (
            <textarea id={`${uid}-summary`} rows={3} value={summary} aria-describedby={describedBy} aria-invalid={invalid}
              onChange={(e) => { setSummary(e.target.value); checkClaims(title, e.target.value); }} />
          )}
        </Field>

        <Field id={`${uid}-id`} label="Id" hint="Proposed from the title; a stable kebab-case slug." errors={errorsOf('id')}>
          {(describedBy, invalid) => (
            <input id={`${uid}-id`} value={id} spellCheck={false} aria-describedby={describedBy} aria-invalid={invalid}
              onChange={(e) => setTypedId(e.target.value)} />
          )}
        </Field>

        {sorted.other.length > 0 && (
          <div role="alert" className={styles.problems}>
            <p>The pipeline refuses this save; nothing was written:</p>
            <ul className={styles.errors}>{sorted.other.map((m) => <li key={m}>{m}</li>)}</ul>
          </div>
        )}
        {sorted.byField.size > 0 && sorted.other.length === 0 && <p role="alert" className={styles.errorText}>The pipeline refuses this save (see the fields above); nothing was written.</p>}

        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={saving}>{saving ? 'Saving…' : 'Save event'}</button>
        </div>
      </form>
    </AuthoringDialog>
  );
}
