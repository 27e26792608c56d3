// Queue tickets are central's: server/queue/publish.ts writes their records, and no workstation op
// changes one (central.owned). The workstation still audits every queue press as an op on entity
// "ticket" named `queue.*` (main/core/queue/handlers.ts), carrying the audit event and no record change, since
// the ticket itself travels by the queue protocol. Those stay in the journal as before #7: refusing
// them would mark every call at every counter as a rejected change on the Sync screen.
import { TICKET_ENTITY } from '@common/central/ticket-record.js';
import { centralOwned } from './kinds.js';
import type { EntityDef } from './types.js';

const owned = centralOwned(TICKET_ENTITY);

export const ticketEntity: EntityDef = {
  ...owned,
  decide: (op, current, ctx) => (op.op.startsWith('queue.') ? { status: 'applied' } : owned.decide(op, current, ctx)),
};
