// Issue #5's implementations in one table, so main/core/handlers.ts merges them with one line.
import { applicationsHandlers } from './applications.js';
import { applicationsFlowHandlers } from './applications-flow.js';
import { applicationsSearchHandlers } from './applications-search.js';
import { catalogueHandlers } from './catalogue.js';
import { paymentsHandlers } from './payments.js';
import { printingHandlers } from './printing.js';
import { receiptsHandlers } from './receipts.js';

export const counterHandlers = {
  ...catalogueHandlers,
  ...applicationsHandlers,
  ...applicationsFlowHandlers,
  ...applicationsSearchHandlers,
  ...paymentsHandlers,
  ...receiptsHandlers,
  ...printingHandlers,
};
