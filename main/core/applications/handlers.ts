// The counter's implementations in one table, so main/core/handlers.ts merges them with one line.
import { applicationsHandlers } from './applicant-file.js';
import { applicationsFlowHandlers } from './flow.js';
import { applicationsSearchHandlers } from './search.js';
import { catalogueHandlers } from './catalogue.js';
import { applicationPhotoHandlers } from './photo.js';
import { paymentsHandlers } from '../payments/handlers.js';
import { printingHandlers } from '../receipts/printing.js';
import { receiptsHandlers } from '../receipts/handlers.js';

export const counterHandlers = {
  ...catalogueHandlers,
  ...applicationsHandlers,
  ...applicationsFlowHandlers,
  ...applicationsSearchHandlers,
  ...applicationPhotoHandlers,
  ...paymentsHandlers,
  ...receiptsHandlers,
  ...printingHandlers,
};
