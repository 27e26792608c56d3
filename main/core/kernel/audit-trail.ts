// The audit.* calls: supervisors and admins read the audit trail page by page and check its hash chain.
import { listAudit } from '@db/queries/office/audit.js';
import type { Handlers } from './context.js';
import { verifyAudit } from './audit.js';

export const auditHandlers = {
  'audit.list': (ctx, input) =>
    listAudit(ctx.db, input.limit, input.beforeSeq).map((r) => ({
      seq: r.seq,
      at: r.at,
      username: r.username,
      role: r.role,
      workstation: r.workstation,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      summary: JSON.parse(r.summary) as Record<string, unknown>,
    })),
  'audit.verify': (ctx) => verifyAudit(ctx.db),
} satisfies Partial<Handlers>;
