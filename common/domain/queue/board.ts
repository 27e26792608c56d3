// Which calls the waiting-room board shows, for central's board and a desk's local one alike.
import type { TicketStatus } from './lifecycle.js';

/**
 * A transferred ticket's call was answered by sending the visit on to another service, where it waits to
 * be called afresh; a cancelled one will not come. Neither call stays on the board as if still open.
 */
export const OFF_BOARD_STATUSES = ['transferred', 'cancelled'] as const satisfies readonly TicketStatus[];
const OFF: ReadonlySet<string> = new Set(OFF_BOARD_STATUSES);
export const shownOnBoard = (status: string): boolean => !OFF.has(status);
