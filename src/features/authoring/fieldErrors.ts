/**
 * Sorts the pipeline's messages about a save to the form's fields: a message
 * about `event "<id>" → title: …` goes next to the title; what names no field
 * of this event stays in the form's list of problems. Pure.
 */

export type Sorted = { byField: Map<string, string[]>; other: string[] };

/** Which field of the form shows a message about `field` of the events file. */
function formField(field: string): string {
  const head = field.split('.')[0]!;
  if (head === 'end' || head === 'dateEvidence' || head === 'edtf') return 'date';
  if (head === 'quotes' || head === 'occurrence') return 'quote';
  return head;
}

/** The messages about event `id`, by form field (the words after the field), and the rest whole. */
export function sortErrors(messages: readonly string[], id: string, fields: readonly string[]): Sorted {
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  for (const m of messages) {
    const found = / event "((?:[^"\\]|\\.)*)" → ([^:\s]+): /.exec(m);
    const field = found && found[1] === id ? formField(found[2]!) : null;
    if (field && fields.includes(field)) byField.set(field, [...(byField.get(field) ?? []), m.slice(found!.index + found![0].length)]);
    else other.push(m);
  }
  return { byField, other };
}
