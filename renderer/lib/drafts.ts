// A form's unsaved state kept in core as the officer types, so a lock, an idle lock, a crash or a restart
// brings back the same form with the same content. Saves wait for a short pause in typing; a lock or a
// log-out flushes whatever is still waiting first (a locked session may not save).
import { useEffect, useRef, useState } from 'react';
import { call } from '@renderer/api/client.js';

export type DraftValue = string | boolean | number | null;
export type DraftValues = Record<string, DraftValue>;

const SAVE_PAUSE_MS = 400;
const waiting = new Map<string, () => Promise<void>>();

/** Saves every draft still waiting for its pause: called before the session locks or ends. */
export async function flushDrafts(): Promise<void> {
  const pending = [...waiting.values()];
  waiting.clear();
  await Promise.all(pending.map((save) => save()));
}

export interface DraftState {
  /** When the draft brought back was last typed into; null when the form started empty. */
  restoredAt: number | null;
  /** True once core has answered whether a draft exists: before that, typing is not saved over it. */
  ready: boolean;
  /** Forgets the draft: after the form was saved, or when the officer drops it. */
  discard(): Promise<void>;
}

/**
 * Keeps `values` as the draft `form` of the signed-in officer. `restore` gets the saved values once, when
 * the form opens and a draft exists; `dirty` says whether the values are worth keeping (an untouched form
 * is not a draft).
 */
export function useDraft(form: string, values: DraftValues, restore: (saved: DraftValues) => void, dirty: boolean): DraftState {
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const ready = loadedFor === form;
  const restoreRef = useRef(restore);
  useEffect(() => {
    restoreRef.current = restore;
  });
  const key = JSON.stringify(values);

  useEffect(() => {
    let live = true;
    void call('drafts.load', { form }).then((r) => {
      if (!live) return;
      if (r.ok && r.value) {
        restoreRef.current(r.value.values as DraftValues);
        setRestoredAt(r.value.updatedAt);
      }
      setLoadedFor(form);
    });
    return () => {
      live = false;
    };
  }, [form]);

  useEffect(() => {
    if (!ready || !dirty) return;
    const save = async (): Promise<void> => {
      waiting.delete(form);
      await call('drafts.save', { form, values: JSON.parse(key) as DraftValues });
    };
    waiting.set(form, save);
    const timer = setTimeout(() => void save(), SAVE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [form, key, ready, dirty]);

  // A form closed within the pause keeps what was typed: its waiting save runs now rather than never.
  useEffect(
    () => () => {
      const save = waiting.get(form);
      if (save) void save();
    },
    [form],
  );

  return {
    restoredAt,
    ready,
    discard: async () => {
      waiting.delete(form);
      setRestoredAt(null);
      await call('drafts.discard', { form });
    },
  };
}
