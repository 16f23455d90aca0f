import type { CategoryStyle } from '../../lib/categories.ts';

const PATHS: Record<CategoryStyle['shape'], string> = {
  circle: 'M8 2.5a5.5 5.5 0 1 1 0 11a5.5 5.5 0 1 1 0-11z',
  diamond: 'M8 1.5 14.5 8 8 14.5 1.5 8z',
  triangle: 'M8 2 14.5 13.5h-13z',
  pentagon: 'M8 1.8 14.3 6.4 11.9 13.8H4.1L1.7 6.4z',
};

/** The category's shape, outlined, or filled when selected: colour is never the only cue. */
export function MarkShape({ shape, filled, size = 16 }: { shape: CategoryStyle['shape']; filled: boolean; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[shape]} fill={filled ? 'currentColor' : 'var(--bg)'} stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}
