import { useLayoutEffect, useRef } from 'react';

/**
 * Colours as the canvas needs them (a CSS custom property resolved), once per colour and scheme:
 * reading a computed style while a frame's DOM changes would force a style pass on every frame.
 */
const resolved = new Map<string, string>();
let scheme: MediaQueryList | null = null;
function resolveColour(canvas: HTMLCanvasElement, color: string): string {
  if (!scheme && typeof matchMedia === 'function') {
    scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', () => resolved.clear());
  }
  let value = resolved.get(color);
  if (value === undefined) {
    value = getComputedStyle(canvas).color;
    resolved.set(color, value);
  }
  return value;
}

/**
 * One lane's density as cells of `cellWidth` pixels: a histogram (heights on a square-root scale
 * of the busiest cell) or a thin heat strip (opacity on the same scale). Drawn on a canvas: a
 * frame of a zoom redraws a few hundred cells without touching the DOM. Decorative: the counts
 * are said in words elsewhere (the archive's status, the filters).
 */
export function HeatStrip({ cells, most, cellWidth, width, height, histogram, color, className }: {
  cells: ReadonlyMap<number, number>;
  most: number;
  cellWidth: number;
  width: number;
  height: number;
  histogram: boolean;
  /** A CSS colour (a custom property is fine: it is resolved on the canvas). */
  color: string;
  className?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const [w, h] = [Math.max(1, Math.round(width * ratio)), Math.max(1, Math.round(height * ratio))];
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = resolveColour(canvas, color);
    ctx.globalAlpha = 0.75;
    for (const [cell, n] of cells) {
      const share = Math.sqrt(n / most);
      const barHeight = histogram ? Math.max(2, share * height) : height;
      if (!histogram) ctx.globalAlpha = 0.15 + 0.85 * share;
      ctx.fillRect(cell * cellWidth, height - barHeight, cellWidth, barHeight);
    }
    ctx.globalAlpha = 1;
  }, [cells, most, cellWidth, width, height, histogram, color]);
  return <canvas ref={ref} className={className} style={{ width, height, color }} data-cells={cells.size} aria-hidden="true" />;
}
