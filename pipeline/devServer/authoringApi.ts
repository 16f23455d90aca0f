/**
 * Authoring in the dev server: the requests the page's authoring form sends
 * and the answers it gets. Only types: the page imports them as types, so no
 * pipeline code reaches its bundle.
 */
import type { DateProposal } from '../proposeEvidence.ts';

export type { DateProposal };

/** A passage of a cleaned article: UTF-16 offsets into one paragraph. */
export type PassageRef = { article: string; paragraph: number; start: number; end: number };

/** `POST /__authoring/passage`: the words of a passage, the occurrence that picks it, and the dates its words give. */
export type PassageAnswer = PassageRef & { text: string; occurrence?: number; proposals: DateProposal[] };

/** `POST /__authoring/claims`: the names, numbers and quoted phrases of a title and summary that the quotes lack. */
export type ClaimsRequest = { title: string; summary: string; quotes: string[] };
export type ClaimsAnswer = { title: string[]; summary: string[] };

/** The fields of a new event the form collects; its quote comes from the passage. */
export type NewEventFields = {
  id: string; date: string; end?: string; key: boolean; title: string; summary: string; category: string;
  dateEvidence: DateProposal['dateEvidence'];
};

/** `POST /__authoring/save`: a new event from a passage, or the passage as one more quote of an event. */
export type SaveRequest =
  | { action: 'event'; passage: PassageRef; event: NewEventFields }
  | { action: 'quote'; passage: PassageRef; event: string; speaker?: string };
/** The id of the event saved, or the pipeline's messages (nothing was written). */
export type SaveAnswer = { ok: true; id: string } | { ok: false; errors: string[] };
