// End of day at the supervisor desk: one business day's report, notes on its discrepancies, the
// sign-off and (admins) the reopening; exports come back as files to download.
import { create } from 'zustand';
import type { CallOutput, ErrorBody } from '@common/contract/index.js';
import { call } from '@renderer/api/client.js';
import { pdfBlob } from '@renderer/lib/download.js';

export type EndOfDayReport = CallOutput<'endOfDay.report'>;

interface EndOfDayState {
  date: string;
  report: EndOfDayReport | null;
  busy: boolean;
  error: ErrorBody | null;
  setDate(date: string): void;
  load(): Promise<void>;
  note(key: string, note: string): Promise<boolean>;
  signOff(password: string, acknowledge?: string): Promise<boolean>;
  acceptLate(opId: string, password: string): Promise<boolean>;
  returnLate(opId: string, reason: string): Promise<boolean>;
  reopen(reason: string, password: string): Promise<boolean>;
  exportFile(kind: 'pdf' | 'csv', language: 'id' | 'en'): Promise<{ fileName: string; blob: Blob } | null>;
}

export const useEndOfDayStore = create<EndOfDayState>()((set, get) => {
  /** Runs a call that answers the report, keeping it and its error in the store. */
  async function run(request: () => ReturnType<typeof call<'endOfDay.report'>>): Promise<boolean> {
    set({ busy: true });
    const r = await request();
    set(r.ok ? { report: r.value, date: r.value.date, busy: false, error: null } : { busy: false, error: r.error });
    return r.ok;
  }
  return {
    // Empty until core answers: today is the office's business day, not this computer's.
    date: '',
    report: null,
    busy: false,
    error: null,
    setDate: (date) => set({ date, report: null, error: null }),
    load: () => run(() => call('endOfDay.report', get().date ? { date: get().date } : {})).then(() => undefined),
    note: (key, note) => run(() => call('endOfDay.note', { date: get().date, key, note })),
    signOff: (password, acknowledge) =>
      run(() => call('endOfDay.signOff', { date: get().date, password, ...(acknowledge ? { acknowledge } : {}) })),
    acceptLate: (opId, password) => run(() => call('endOfDay.acceptLate', { date: get().date, opId, password })),
    returnLate: (opId, reason) => run(() => call('endOfDay.returnLate', { date: get().date, opId, reason })),
    reopen: (reason, password) => run(() => call('endOfDay.reopen', { date: get().date, reason, password })),
    async exportFile(kind, language) {
      const r =
        kind === 'pdf'
          ? await call('endOfDay.pdf', { date: get().date, language })
          : await call('endOfDay.csv', { date: get().date, language });
      if (!r.ok) {
        set({ error: r.error });
        return null;
      }
      if ('pdfBase64' in r.value) {
        return { fileName: r.value.fileName, blob: pdfBlob(r.value.pdfBase64) };
      }
      // A byte-order mark so spreadsheet programs read UTF-8 names correctly.
      return { fileName: r.value.fileName, blob: new Blob(['\uFEFF', r.value.csv], { type: 'text/csv;charset=utf-8' }) };
    },
  };
});
