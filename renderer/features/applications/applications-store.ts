// The counter's application work: the service catalogue, the open application (every call answers the
// whole view, so the screen redraws from one value), search results and the adjudication queue.
import { create } from 'zustand';
import type { CallInput, CallName, CallOutput, ErrorBody, Result } from '@common/contract/index.js';
import { call } from '@renderer/api/client.js';

export type ApplicationView = CallOutput<'applications.get'>;
export type ApplicationSummary = CallOutput<'applications.search'>['results'][number];
export type CatalogueService = CallOutput<'applications.catalogue'>[number];
export type PrintedReceipt = CallOutput<'receipts.issue'>;
export type PrintOutcome = CallOutput<'printer.print'>;

/** Calls that answer the whole application view. */
type ViewCall = {
  [N in CallName]: CallOutput<N> extends ApplicationView ? (ApplicationView extends CallOutput<N> ? N : never) : never;
}[CallName];

interface ApplicationsState {
  catalogue: CatalogueService[];
  current: ApplicationView | null;
  results: ApplicationSummary[];
  queue: ApplicationSummary[];
  busy: boolean;
  error: ErrorBody | null;
  /** The last receipt printed at this desk, for the "open again" link. */
  lastReceipt: PrintedReceipt | null;
  loadCatalogue(): Promise<void>;
  open(id: string): Promise<Result<ApplicationView>>;
  run<N extends ViewCall>(name: N, input: CallInput<N>): Promise<Result<ApplicationView>>;
  search(query: string): Promise<void>;
  worklist(): Promise<void>;
  loadQueue(): Promise<void>;
  print(input: CallInput<'receipts.issue'>): Promise<Result<PrintedReceipt>>;
  reprint(input: CallInput<'receipts.reprint'>): Promise<Result<PrintedReceipt>>;
  voidReceipt(input: CallInput<'receipts.void'>): Promise<Result<PrintedReceipt>>;
  /** Where the last receipt went: the printer, a saved PDF, or the browser (web host). */
  lastOutcome: PrintOutcome | null;
  /** Hands the PDF to this workstation's printer; the web host answers that the browser takes it. */
  printPdf(receipt: PrintedReceipt): Promise<Result<PrintOutcome>>;
  clearError(): void;
}

export const useApplicationsStore = create<ApplicationsState>()((set, get) => ({
  catalogue: [],
  current: null,
  results: [],
  queue: [],
  busy: false,
  error: null,
  lastReceipt: null,
  lastOutcome: null,

  async loadCatalogue() {
    if (get().catalogue.length > 0) return;
    const r = await call('applications.catalogue', {});
    if (r.ok) set({ catalogue: r.value });
  },

  async open(id) {
    set({ busy: true, error: null });
    const r = await call('applications.get', { id });
    set(r.ok ? { current: r.value, busy: false } : { busy: false, error: r.error });
    return r;
  },

  async run(name, input) {
    set({ busy: true, error: null });
    const r = (await call(name, input as never)) as Result<ApplicationView>;
    set(r.ok ? { current: r.value, busy: false } : { busy: false, error: r.error });
    return r;
  },

  async search(query) {
    set({ busy: true, error: null });
    const r = await call('applications.search', { query });
    set(r.ok ? { results: r.value.results, busy: false } : { busy: false, error: r.error });
  },

  async worklist() {
    const r = await call('applications.worklist', {});
    if (r.ok) set({ results: r.value });
  },

  async loadQueue() {
    const r = await call('applications.adjudicationQueue', {});
    set(r.ok ? { queue: r.value } : { error: r.error });
  },

  async print(input) {
    set({ busy: true, error: null });
    const r = await call('receipts.issue', input);
    set(r.ok ? { busy: false, lastReceipt: r.value } : { busy: false, error: r.error });
    if (r.ok && get().current) await get().open(input.applicationId);
    return r;
  },

  async reprint(input) {
    set({ busy: true, error: null });
    const r = await call('receipts.reprint', input);
    set(r.ok ? { busy: false, lastReceipt: r.value } : { busy: false, error: r.error });
    const current = get().current;
    if (r.ok && current) await get().open(current.id);
    return r;
  },

  async voidReceipt(input) {
    set({ busy: true, error: null });
    const r = await call('receipts.void', input);
    set(r.ok ? { busy: false, lastReceipt: r.value } : { busy: false, error: r.error });
    const current = get().current;
    if (r.ok && current) await get().open(current.id);
    return r;
  },

  async printPdf(receipt) {
    // Receipts and notices are A4/A5 documents; queue tickets print from the queue screens.
    const r = await call('printer.print', { pdfBase64: receipt.pdfBase64, kind: 'document', fileName: receipt.fileName });
    set(r.ok ? { lastOutcome: r.value } : { error: r.error, lastOutcome: null });
    return r;
  },

  clearError: () => set({ error: null }),
}));
