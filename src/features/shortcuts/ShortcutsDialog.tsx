import { useModalDialog } from '../../ui/useModalDialog.ts';
import styles from './ShortcutsDialog.module.css';

type Shortcut = { keys: string[][]; what: string };

/** Every shortcut of the viewer, by where it works. Each key list is alternatives; each inner list, keys pressed together. */
export const SHORTCUTS: Array<{ where: string; items: Shortcut[] }> = [
  {
    where: 'Anywhere (except while typing)',
    items: [
      { keys: [['←'], ['→']], what: 'Previous or next event' },
      { keys: [['Home'], ['End']], what: 'First or last event' },
      { keys: [['+'], ['−']], what: 'Zoom the timeline in or out' },
      { keys: [['0']], what: 'Fit the whole timeline' },
      { keys: [['?']], what: 'Show these keyboard shortcuts' },
    ],
  },
  {
    where: 'On the timeline',
    items: [
      { keys: [['←'], ['→'], ['↑'], ['↓']], what: 'Previous or next event' },
      { keys: [['Enter'], ['Space']], what: 'Select the focused event and show its details' },
      { keys: [['Escape']], what: 'Close a list of events opened from a count' },
    ],
  },
  {
    where: 'In the event list',
    items: [
      { keys: [['↑'], ['↓']], what: 'Previous or next event in the list' },
      { keys: [['Home'], ['End']], what: 'First or last event in the list' },
      { keys: [['Enter'], ['Space']], what: 'Select the focused event' },
    ],
  },
  {
    where: 'In a dialog or the source reader',
    items: [
      { keys: [['Escape']], what: 'Close it; focus returns to where you were' },
      { keys: [['Tab'], ['Shift', 'Tab']], what: 'Next or previous control (stays inside a dialog)' },
    ],
  },
];

/** Names read for keys whose symbol a screen reader may not say. */
const SPOKEN: Record<string, string> = { '←': 'Left arrow', '→': 'Right arrow', '↑': 'Up arrow', '↓': 'Down arrow', '−': 'Minus', '+': 'Plus', '?': 'Question mark' };

function Keys({ keys }: { keys: string[][] }) {
  return (
    <>
      {keys.map((combo, i) => (
        <span key={combo.join('+')}>
          {i > 0 && <span className={styles.or}> or </span>}
          {combo.map((k, j) => (
            <span key={k}>
              {j > 0 && ' + '}
              <kbd>{SPOKEN[k] ? <><span aria-hidden="true">{k}</span><span className="visually-hidden">{SPOKEN[k]}</span></> : k}</kbd>
            </span>
          ))}
        </span>
      ))}
    </>
  );
}

/** The "Keyboard shortcuts" dialog: a native modal <dialog>, so focus stays inside; closing returns focus to its opener. */
export default function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { close, dialogProps } = useModalDialog(onClose);
  return (
    <dialog
      {...dialogProps}
      className={styles.dialog}
      aria-labelledby="shortcuts-title"
    >
      <div className={styles.head}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className={styles.close} onClick={close}>Close</button>
      </div>
      {SHORTCUTS.map((group) => (
        <table key={group.where} className={styles.table}>
          <caption>{group.where}</caption>
          <thead className="visually-hidden">
            <tr><th scope="col">Keys</th><th scope="col">What they do</th></tr>
          </thead>
          <tbody>
            {group.items.map((s) => (
              <tr key={s.what}>
                <th scope="row"><Keys keys={s.keys} /></th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </dialog>
  );
}
