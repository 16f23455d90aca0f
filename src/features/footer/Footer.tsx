/**
 * The page's footer: the dataset to take away, as JSON, CSV and TimelineJS (files the build ships
 * beside the page, so the links are relative and work under any sub-path), and its licence line.
 */
import styles from './Footer.module.css';

export const DOWNLOADS = [
  { label: 'JSON', href: 'data/timeline.json', description: 'the dataset as the page reads it' },
  { label: 'CSV', href: 'data/timeline.csv', description: 'one row per event, for a spreadsheet' },
  { label: 'TimelineJS', href: 'data/timeline-timelinejs.json', description: 'for Knight Lab’s TimelineJS' },
] as const;

/** "Download the data: JSON · CSV · TimelineJS", then the licence line when the dataset has one. */
export function Footer({ licence }: { licence?: string | undefined }) {
  return (
    <footer className={styles.footer}>
      <p className={styles.downloads}>
        Download the data:{' '}
        {DOWNLOADS.map((d, i) => (
          <span key={d.href}>
            {i > 0 && <span aria-hidden="true"> · </span>}
            <a href={d.href} download title={d.description}>{d.label}</a>
          </span>
        ))}
      </p>
      {licence && <p className={styles.licence}>{licence}</p>}
    </footer>
  );
}
