// The applications' calls in one table, so the contract index merges them with one line.
import { applicationsCalls } from './applications.js';
import { paymentsCalls } from './payments.js';
import { printerCalls } from './printer.js';
import { receiptsCalls } from './receipts.js';

export const counterCalls = { ...applicationsCalls, ...paymentsCalls, ...receiptsCalls, ...printerCalls };
