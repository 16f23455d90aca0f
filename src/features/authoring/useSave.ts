import { useState } from 'react';
import type { AuthoringClient, SaveRequest } from './authoringClient.ts';

/**
 * Saving through the dev server, for both authoring forms: while it runs `saving` is true; a save
 * the pipeline refuses leaves its messages (or the request's own failure) in `problems`, and an
 * accepted one hands the event's id to `onSaved`.
 */
export function useSave(client: AuthoringClient, onSaved: (id: string) => void) {
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const save = async (request: SaveRequest) => {
    setSaving(true);
    setProblems([]);
    try {
      const saved = await client.save(request);
      if (saved.ok) onSaved(saved.id);
      else setProblems(saved.errors);
    } catch (err) {
      setProblems([(err as Error).message]);
    } finally {
      setSaving(false);
    }
  };
  return { problems, saving, save };
}
