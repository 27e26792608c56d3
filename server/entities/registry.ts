import { BlobData } from '@common/central/records.js';
import { appendOnly, centralOwned, journal } from './kinds.js';
import type { EntityDef } from './types.js';

const blobRecord = appendOnly('blob', BlobData);
/** The generic blob op: its data names the blob, which must be one the op carries (and central holds). */
const blobEntity: EntityDef = {
  ...blobRecord,
  decide: (op, current, ctx) =>
    op.op === 'blob.attach' && typeof op.data.sha256 === 'string' && op.blobs.includes(op.data.sha256)
      ? blobRecord.decide(op, current, ctx)
      : { status: 'rejected', reason: 'blob.unreferenced' },
};
import { userEntity } from './user.js';
import { applicationEntity } from './application.js';
import { paymentEntity } from './payment.js';
import { businessDayEntity } from './business-day.js';
import { ticketEntity } from './ticket.js';
import { LATE_ENTITY } from '@common/central/late-change.js';
import { receiptEntity } from './receipt.js';

/**
 * The entities central knows. Later issues add theirs here (applications: a field-merge entity like
 * `user`; payments, captures: `appendOnly`; queue tickets: central-owned), or pass extra ones to createCentral().
 */
export const BUILT_IN_ENTITIES: readonly EntityDef[] = [
  userEntity,
  applicationEntity,
  paymentEntity,
  receiptEntity,
  businessDayEntity,
  centralOwned('office'),
  centralOwned('service'),
  // central-owned, with the queue's audit ops kept in the journal (ticket.ts)
  ticketEntity,
  blobEntity,
  // Held late changes: central writes them (server/sync/late.ts), and the push decides their accept and return ops itself.
  centralOwned(LATE_ENTITY),
  journal('workstation'),
  journal('audit'),
];

export class EntityRegistry {
  private readonly defs = new Map<string, EntityDef>();

  constructor(defs: readonly EntityDef[]) {
    for (const d of defs) this.defs.set(d.entity, d);
  }

  get(entity: string): EntityDef {
    return this.defs.get(entity) ?? journal(entity);
  }

  flowing(): string[] {
    return [...this.defs.values()].filter((d) => d.flowsDown).map((d) => d.entity);
  }
}
