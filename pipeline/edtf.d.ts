/** The part of the `edtf` package (no types of its own) that the pipeline uses. */
declare module 'edtf' {
  /** A parsed EDTF value; `min`/`max` are epoch milliseconds in UTC (±Infinity when open, null when unknown). */
  export interface ExtDateTime {
    readonly type: string;
    readonly min: number | null;
    readonly max: number | null;
    readonly edtf: string;
  }
  /** Parses an EDTF string; throws on a syntax error or an impossible value. */
  export default function edtf(value: string): ExtDateTime;
}
