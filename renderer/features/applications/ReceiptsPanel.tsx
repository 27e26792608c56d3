import { useState } from 'react';
import { PRINT_KEYS } from './keys.js';
import { useTranslation } from 'react-i18next';
import { useApplicationsStore, type ApplicationView, type PrintedReceipt } from './applications-store.js';
import { TextField } from '@renderer/components/Field.js';
import { SupervisorOverride } from '@renderer/components/SupervisorOverride.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { handOverPdf } from './ui.js';
import { formatDateTime } from '@renderer/lib/time.js';
import { useAppStore } from '@renderer/shell/app-store.js';

/**
 * Issue the application and payment receipts; every receipt of the application with its status; reprint
 * with a reason (the copy is marked and audited); void with a supervisor's approval and a reason.
 */
export function ReceiptsPanel({ app }: { app: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const { print, reprint, voidReceipt, printPdf, busy, lastReceipt, lastOutcome } = useApplicationsStore();
  const [reprinting, setReprinting] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const lang = i18n.language === 'en' ? 'en' : 'id';
  // Printed times are the office's, whatever the PC's clock zone is.
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');
  const paid = app.payments.some((p) => p.status === 'paid' && p.billingCode);
  const receipts = [...app.receipts].sort((a, b) => b.createdAt - a.createdAt);

  // The Electron shell prints silently (or saves the PDF); in the browser the PDF opens or downloads.
  const deliver = async (r: PrintedReceipt): Promise<void> => {
    const out = await printPdf(r);
    if (!out.ok || out.value.via === 'browser') handOverPdf(r);
  };
  const issue = async (kind: 'application' | 'payment'): Promise<void> => {
    const r = await print({ applicationId: app.id, kind, language: lang });
    if (r.ok) await deliver(r.value);
  };
  const again = async (receiptId: string): Promise<void> => {
    const r = await reprint({ receiptId, reason, language: lang });
    if (r.ok) {
      await deliver(r.value);
      setReprinting(null);
      setReason('');
    }
  };
  const choose = (mode: 'reprint' | 'void', id: string | null): void => {
    setReason('');
    setReprinting(mode === 'reprint' ? id : null);
    setVoiding(mode === 'void' ? id : null);
  };
  useShortcuts([{ keys: PRINT_KEYS, run: () => void issue('application'), enabled: !busy }]);

  return (
    <div className="card" aria-labelledby="receipts-title" data-counter-step="receipt">
      <h2 id="receipts-title">{t('applications.receipts.title')}</h2>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void issue('application')}
          disabled={busy}
          aria-keyshortcuts="Alt+P"
        >
          {t('applications.receipts.printApplication')} <kbd>{PRINT_KEYS}</kbd>
        </button>
        {paid && (
          <button type="button" className="btn" onClick={() => void issue('payment')} disabled={busy}>
            {t('applications.receipts.printPayment')}
          </button>
        )}
      </div>
      {lastReceipt && lastReceipt.receipt.id && app.receipts.some((r) => r.id === lastReceipt.receipt.id) && (
        <p className="notice notice--success" role="status" data-testid="receipt-printed">
          {t('applications.receipts.printed', { file: lastReceipt.fileName, copy: lastReceipt.copyNo })}
          {lastOutcome?.via === 'printer' && <> {t('applications.receipts.onPrinter', { printer: lastOutcome.printerName })}</>}
          {lastOutcome?.via === 'file' && <> {t('applications.receipts.savedAs', { path: lastOutcome.path })}</>}
        </p>
      )}
      {receipts.length > 0 && (
        <>
          <h3>{t('applications.receipts.history')}</h3>
          <ul className="app-receipts" data-testid="receipt-history">
            {receipts.map((r) => (
              <li key={r.id} data-status={r.status}>
                {t(`applications.receipts.kind.${r.kind}`)} · {t(`applications.receipts.status.${r.status}`)} ·{' '}
                {t('applications.receipts.copies', { count: r.printCount })} ·{' '}
                {t('applications.receipts.printedAt', { at: formatDateTime(r.createdAt, tz, lang) })}
                {r.voidReason && <> · {t('applications.receipts.voided', { reason: r.voidReason })}</>}
                {r.status === 'active' && reprinting === r.id && (
                  <span className="form-row">
                    <TextField label={t('applications.receipts.reprintReason')} value={reason} onValue={setReason} autoFocus />
                    <button type="button" className="btn" disabled={busy || reason.trim().length < 3} onClick={() => void again(r.id)}>
                      {t('applications.receipts.reprint')}
                    </button>
                  </span>
                )}
                {r.status === 'active' && voiding === r.id && (
                  <SupervisorOverride
                    action="receipt.void"
                    onCancel={() => choose('void', null)}
                    onGranted={async (overrideToken) => {
                      if (reason.trim().length < 3) return false;
                      const v = await voidReceipt({ receiptId: r.id, reason, overrideToken });
                      if (v.ok) {
                        await deliver(v.value);
                        choose('void', null);
                      }
                      return v.ok;
                    }}
                  >
                    <TextField label={t('applications.receipts.voidReason')} value={reason} onValue={setReason} required />
                  </SupervisorOverride>
                )}
                {r.status === 'active' && reprinting !== r.id && voiding !== r.id && (
                  <>
                    <button type="button" className="btn btn--link" onClick={() => choose('reprint', r.id)}>
                      {t('applications.receipts.reprint')}
                    </button>
                    <button type="button" className="btn btn--link" onClick={() => choose('void', r.id)}>
                      {t('applications.receipts.void')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
