import type { Db } from '@db/connection.js';

export interface DraftRow {
  form: string;
  data: string;
  updated_at: number;
}

export const saveDraft = (db: Db, userId: string, form: string, data: string, now: number): void =>
  void db
    .prepare(
      `INSERT INTO drafts (user_id, form, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, form) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    )
    .run(userId, form, data, now);

export const getDraft = (db: Db, userId: string, form: string): DraftRow | undefined =>
  db.prepare('SELECT form, data, updated_at FROM drafts WHERE user_id = ? AND form = ?').get(userId, form) as DraftRow | undefined;

export const listDrafts = (db: Db, userId: string): DraftRow[] =>
  db.prepare('SELECT form, data, updated_at FROM drafts WHERE user_id = ? ORDER BY updated_at DESC').all(userId) as DraftRow[];

export const deleteDraft = (db: Db, userId: string, form: string): void =>
  void db.prepare('DELETE FROM drafts WHERE user_id = ? AND form = ?').run(userId, form);

/** Drafts last touched before `before`, of everyone: a counter visit's typing is not kept past a day. */
export const purgeDrafts = (db: Db, before: number): number => db.prepare('DELETE FROM drafts WHERE updated_at < ?').run(before).changes;
