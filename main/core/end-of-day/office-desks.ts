// The other desks of the office at end of day: central says how far each one's outbox goes, and a
// sign-off waits until none holds changes central has not seen. This desk's own outbox is counted
// locally (exactly), so its row from central, which may lag a pull behind, never blocks.
import type { EndOfDayReportView } from '@common/contract/end-of-day.js';
import type { CallContext } from '../kernel/context.js';

export type OfficeOutbox = EndOfDayReportView['office'];

/** A hung network must not hang the supervisor's screen: past this, central counts as unreachable. */
const ASK_TIMEOUT_MS = 5000;

export async function officeOutboxFor(ctx: CallContext, date: string): Promise<OfficeOutbox> {
  const port = ctx.core.ports.sync;
  if (ctx.core.training || !port || port.live().state === 'notEnrolled') return { status: 'standalone', workstations: [] };
  try {
    const view = await port.officeOutbox(date, AbortSignal.timeout(ASK_TIMEOUT_MS));
    return { status: 'checked', workstations: view.workstations };
  } catch {
    return { status: 'offline', workstations: [] };
  }
}

/**
 * The other desks that still hold unsent changes or unresolved conflicts, or that worked that day and have
 * not reported since (offline, switched off): any of them may hold work of the day central never saw.
 */
export const desksBehind = (office: OfficeOutbox) =>
  office.workstations.filter((w) => !w.self && (w.pending > 0 || w.conflicts > 0 || w.unreported));

/**
 * Names the desk of a row by central's workstation id (null: this desk): the office's list from central
 * gives the others' names; a desk central did not list keeps its id.
 */
export function deskNamer(
  selfName: string,
  selfId: string | null,
  office: OfficeOutbox,
): (origin: string | null) => { key: string; label: string } {
  const names = new Map(office.workstations.map((w) => [w.id, w.name]));
  return (origin) => {
    if (origin === null || origin === selfId) return { key: selfId ?? 'self', label: selfName };
    return { key: origin, label: names.get(origin) ?? origin };
  };
}

export function officeBlockers(office: OfficeOutbox): string[] {
  if (office.status === 'offline') return ['eod.officeUnknown'];
  return desksBehind(office).length > 0 ? ['eod.officeUnsynced'] : [];
}
