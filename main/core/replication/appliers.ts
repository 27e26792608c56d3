// Every entity this workstation takes from central into tables of its own, in one list: an entity not
// here is kept aside as central sent it (apply.ts), so nothing central sends is lost.
import { applicationApplier } from '../applications/application-sync.js';
import { businessDayApplier } from '../end-of-day/day-sync.js';
import { lateChangeApplier } from '../end-of-day/late-sync.js';
import { paymentApplier } from '../payments/payment-sync.js';
import { bookingApplier } from '../queue/booking-sync.js';
import { receiptApplier } from '../receipts/receipt-sync.js';
import { ticketApplier } from '../queue/ticket-sync.js';
import type { LocalApplier } from './applier.js';
import { officeApplier, serviceApplier, userApplier } from './reference-appliers.js';

export const LOCAL_APPLIERS: readonly LocalApplier[] = [
  userApplier,
  officeApplier,
  serviceApplier,
  // M-Paspor bookings, found at check-in by the queue and the applications.
  bookingApplier,
  // The office's tickets, read by end of day and the analytics import.
  ticketApplier,
  // The office's applications, wherever they were made: adjudication, search and hand-over from any desk.
  applicationApplier,
  // The office's payments (and SIMPONI's paid status for every billing), and its receipts.
  paymentApplier,
  receiptApplier,
  // Sign-offs made on other workstations close days here too.
  businessDayApplier,
  // Ops that reached central after their day was signed off, held for the supervisor.
  lateChangeApplier,
];
