// Drafts are the one table core writes outside write(): an officer's unsaved typing is not something the
// office did, so it has no audit event and no op, and only its author reads it back. The database's
// encryption covers it like every other personal field, and a day after its last change it is gone.
import { AppError } from '@common/contract/result.js';
import { deleteDraft, getDraft, listDrafts, purgeDrafts, saveDraft } from '@db/queries/office/drafts.js';
import type { CallContext, Handlers } from '../kernel/context.js';

export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

function author(ctx: CallContext): string {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED', 'A draft belongs to a signed-in officer');
  return ctx.user.id;
}

const parse = (data: string): Record<string, unknown> => JSON.parse(data) as Record<string, unknown>;

export const draftsHandlers = {
  'drafts.save': (ctx, input) => {
    const userId = author(ctx);
    ctx.db.transaction(() => {
      purgeDrafts(ctx.db, ctx.now - DRAFT_TTL_MS);
      saveDraft(ctx.db, userId, input.form, JSON.stringify(input.values), ctx.now);
    })();
    return { ok: true as const };
  },
  'drafts.load': (ctx, input) => {
    const row = getDraft(ctx.db, author(ctx), input.form);
    if (!row || row.updated_at < ctx.now - DRAFT_TTL_MS) return null;
    return { form: row.form, values: parse(row.data), updatedAt: row.updated_at };
  },
  'drafts.list': (ctx) =>
    listDrafts(ctx.db, author(ctx))
      .filter((r) => r.updated_at >= ctx.now - DRAFT_TTL_MS)
      .map((r) => {
        const name = parse(r.data).fullName;
        return { form: r.form, updatedAt: r.updated_at, label: typeof name === 'string' && name.trim() !== '' ? name.trim() : null };
      }),
  'drafts.discard': (ctx, input) => {
    deleteDraft(ctx.db, author(ctx), input.form);
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
