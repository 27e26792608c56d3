// What a called ticket opens: the booking's pre-filled application, the hand-over for a collection, or a
// new walk-in application carrying the ticket's priority group.
import type { TicketView } from '@common/contract/queue/central.js';
import type { Role } from '@common/domain/shared/roles.js';
import { handOverRoute, newRoute } from '../applications/route.js';

/** The queue service whose tickets come to collect a passport rather than apply for one. */
export const COLLECTION_SERVICE = 'PENGAMBILAN';

export function routeForTicket(ticket: Pick<TicketView, 'serviceCode' | 'bookingCode' | 'priorityGroup'>, role: Role): string {
  if (ticket.serviceCode === COLLECTION_SERVICE) return handOverRoute(role);
  if (ticket.bookingCode) return newRoute(role, ticket.bookingCode);
  return newRoute(role, undefined, ticket.priorityGroup);
}
