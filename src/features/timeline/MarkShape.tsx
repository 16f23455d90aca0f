import type { Certainty } from '../../data/schema.ts';
import type { CategoryStyle } from '../../lib/categories.ts';

const PATHS: Record<CategoryStyle['shape'], string> = {
  circle: 'M8 2.5a5.5 5.5 0 1 1 0 11a5.5 5.5 0 1 1 0-11z',
  diamond: 'M8 1.5 14.5 8 8 14.5 1.5 8z',
  triangle: 'M8 2 14.5 13.5h-13z',
  pentagon: 'M8 1.8 14.3 6.4 11.9 13.8H4.1L1.7 6.4z',
  square: 'M2.5 2.5h11v11h-11z',
  hexagon: 'M8 1.7 13.5 4.9v6.3L8 14.3 2.5 11.1V4.9z',
  star: 'M8 1.8 9.7 6.4 14.6 6.6 10.8 9.6 12.1 14.3 8 11.6 3.9 14.3 5.2 9.6 1.4 6.6 6.3 6.4z',
  chevron: 'M1.5 2.5h13L8 14z',
};

type Props = {
  shape: CategoryStyle['shape'];
  filled: boolean;
  size?: number;
  /**
   * How certain the date is, drawn into the mark: a solid outline for a day; for a range, the
   * same with a bracket under it (the range itself is a faint bar on the axis); for a report with
   * no date of its own, a dashed outline with a short tail pointing back in time.
   */
  certainty?: Certainty;
};

/** The category's shape, outlined, or filled when selected or key: colour is never the only cue. */
export function MarkShape({ shape, filled, size = 16, certainty = 'day' }: Props) {
  const reported = certainty === 'reported';
  // The tail of a report widens the glyph to the left, so the shape itself stays where it was.
  const box = reported ? '-7 0 23 16' : '0 0 16 16';
  const width = reported ? (size * 23) / 16 : size;
  return (
    <svg width={width} height={size} viewBox={box} aria-hidden="true" focusable="false" data-certainty={certainty}>
      {reported && <path d="M-6 8H1.2M-3.5 5.5-6 8l2.5 2.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />}
      <path
        d={PATHS[shape]}
        fill={filled ? 'currentColor' : 'var(--bg)'}
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        strokeDasharray={reported ? '2.2 1.8' : undefined}
      />
      {certainty === 'range' && <path d="M1 15.2h14M1 13.6v3M15 13.6v3" fill="none" stroke="currentColor" strokeWidth="1.4" />}
    </svg>
  );
}
