/** Numbers and counts as people read them: "10,000", "10,000 events", "1 event". */
const number = new Intl.NumberFormat('en-GB');

/** "10,000". */
export function formatNumber(n: number): string {
  return number.format(n);
}

/** "10,000 events", "1 event". */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${number.format(n)} ${n === 1 ? singular : plural}`;
}
