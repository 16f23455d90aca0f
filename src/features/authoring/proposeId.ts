/** A kebab-case id from a title, as the events file wants ("Russia’s troops enter Kherson" → "russias-troops-enter-kherson"). */
export function proposeId(title: string): string {
  return title
    .normalize('NFKD').replace(/\p{M}/gu, '')
    .toLowerCase().replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    .split('-').slice(0, 8).join('-');
}
