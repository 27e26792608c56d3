import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplicationsStore, type ApplicationView } from '../../stores/applications-store.js';
import { useShortcuts } from '../../lib/keyboard.js';
import { AppInput, handOverPdf } from './ui.js';

export const PRINT_KEYS = 'Alt+P';

/** Issue the application and payment receipts; reprint with a reason (the copy is marked and audited). */
export function ReceiptsPanel({ app }: { app: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const { print, reprint, busy, lastReceipt } = useApplicationsStore();
  const [reprinting, setReprinting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const active = app.receipts.filter((r) => r.status === 'active');
  const paid = app.payments.some((p) => p.status === 'paid' && p.billingCode);

  const issue = async (kind: 'application' | 'payment'): Promise<void> => {
    const r = await print({ applicationId: app.id, kind, language: lang });
    if (r.ok) handOverPdf(r.value);
  };
  const again = async (receiptId: string): Promise<void> => {
    const r = await reprint({ receiptId, reason, language: lang });
    if (r.ok) {
      handOverPdf(r.value);
      setReprinting(null);
      setReason('');
    }
  };
  useShortcuts([{ keys: PRINT_KEYS, run: () => void issue('application'), enabled: !busy }]);

  return (
    <div className="card" aria-labelledby="receipts-title">
      <h2 id="receipts-title">{t('applications.receipts.title')}</h2>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={() => void issue('application')} disabled={busy} aria-keyshortcuts="Alt+P">
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
        </p>
      )}
      {active.length > 0 && (
        <ul className="app-receipts">
          {active.map((r) => (
            <li key={r.id}>
              {t(`applications.receipts.kind.${r.kind}`)} · {t('applications.receipts.copies', { count: r.printCount })}
              {reprinting === r.id ? (
                <span className="form-row">
                  <AppInput label={t('applications.receipts.reprintReason')} value={reason} onValue={setReason} autoFocus />
                  <button type="button" className="btn" disabled={busy || reason.trim().length < 3} onClick={() => void again(r.id)}>
                    {t('applications.receipts.reprint')}
                  </button>
                </span>
              ) : (
                <button type="button" className="btn btn--link" onClick={() => setReprinting(r.id)}>
                  {t('applications.receipts.reprint')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
