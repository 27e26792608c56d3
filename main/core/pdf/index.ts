// The four printed documents: plain models in (see models.ts), PDF bytes out. No database here;
// callers print the bytes through main/devices/printer.ts or hand them to the web host. A model
// that cannot make a correct document is refused with AppError('VALIDATION').
export type * from './models.js';
export { renderApplicationReceipt } from './application-receipt.js';
export { renderDeficiencyNotice } from './deficiency-notice.js';
export { renderPaymentReceipt } from './payment-receipt.js';
export { renderQueueTicket } from './queue-ticket.js';
