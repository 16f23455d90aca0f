/**
 * The page's side of the dev server's authoring requests (pipeline/devServer):
 * plain JSON POSTs. Only types come from the dev server's folder, so no
 * pipeline code reaches the page.
 */
import type { ClaimsAnswer, ClaimsRequest, PassageAnswer, PassageRef, SaveAnswer, SaveRequest } from '../../../pipeline/devServer/authoringApi.ts';

export type { ClaimsAnswer, DateProposal, PassageAnswer, PassageRef, SaveAnswer, SaveRequest } from '../../../pipeline/devServer/authoringApi.ts';

export type AuthoringClient = {
  passage: (ref: PassageRef) => Promise<PassageAnswer>;
  claims: (req: ClaimsRequest) => Promise<ClaimsAnswer>;
  save: (req: SaveRequest) => Promise<SaveAnswer>;
};

async function post<T>(route: string, body: unknown): Promise<T> {
  const res = await fetch(`/__authoring/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await res.json()) as T & { errors?: string[] };
  // A save the pipeline refuses is an answer (422, with its messages); anything else not ok is a failure.
  if (!res.ok && !(route === 'save' && res.status === 422)) throw new Error(answer.errors?.join('\n') ?? `the dev server answered ${res.status}`);
  return answer;
}

/** The client that talks to the dev server. */
export const devServerClient: AuthoringClient = {
  passage: (ref) => post('passage', ref),
  claims: (req) => post('claims', req),
  save: (req) => post('save', req),
};
