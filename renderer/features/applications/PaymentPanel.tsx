import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client.js';
import { CodeField, ProblemList, TextField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { SupervisorOverride } from '@renderer/components/SupervisorOverride.js';
import { formatTime } from '@renderer/lib/time.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useSyncStore } from '../sync/sync-store.js';
import { useApplicationsStore, type ApplicationView } from './applications-store.js';
import { FeeFacts } from './ui.js';

const PAYABLE = ['checked_in', 'incomplete', 'verified', 'biometrics_captured', 'interviewed'];

/** SIMPONI billing, manual confirmation by a supervisor when central is away, and fee waivers. */
export function PaymentPanel({ app }: { app: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const { run, open: reopen, busy, error } = useApplicationsStore();
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');
  const cursor = useSyncStore((s) => s.status?.cursor);
  const [checked, setChecked] = useState<{ at: number; reached: boolean } | null>(null);
  const [code, setCode] = useState('');
  const [proof, setProof] = useState('');
  const [waiveReason, setWaiveReason] = useState('');
  const [asking, setAsking] = useState<'manual' | 'waive' | null>(null);
  const payable = PAYABLE.includes(app.status);
  const open = app.payments.find((p) => p.status === 'unpaid');
  const settled = app.payments.find((p) => p.status === 'paid' || p.status === 'waived');
  const fields = (error?.details as { fields?: Record<string, string[]> } | undefined)?.fields ?? {};

  const record = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const r = await run('payments.recordBilling', { applicationId: app.id, billingCode: code, amount: app.fee.total });
    if (r.ok) setCode('');
  };

  // SIMPONI's answer reaches central, then this workstation by pull: sync now and show what came down,
  // saying when central was last asked and whether it could be.
  const checkStatus = async (): Promise<void> => {
    const r = await call('sync.now', {});
    await reopen(app.id);
    setChecked({ at: Date.now(), reached: r.ok && r.value.online });
  };

  // A payment central confirms arrives by pull whenever it comes: the open file follows without a click.
  const waiting = open !== undefined;
  useEffect(() => {
    if (waiting && cursor !== undefined) void reopen(app.id);
  }, [waiting, cursor, app.id, reopen]);

  return (
    <div className="card" aria-labelledby="payment-title" data-counter-step="payment">
      <h2 id="payment-title">{t('applications.payment.title')}</h2>
      <FeeFacts fee={app.fee} />
      {app.payments.map((p) => (
        <p key={p.id} className="app-payment" data-status={p.status}>
          {p.billingCode ? `${p.billingCode.replace(/^(\d{4})(\d{4})(\d{4})(\d{3})$/, '$1 $2 $3 $4')} · ` : ''}
          {t(`applications.payment.status.${p.status}`)}
          {p.source === 'manual' && ` · ${t('applications.payment.manualFlag')}`}
          {p.reason && ` · ${p.reason}`}
        </p>
      ))}
      {payable && !settled && !open && (
        <form onSubmit={(e) => void record(e)} className="form-row">
          <CodeField
            label={t('applications.payment.billingCode')}
            value={code}
            onValue={setCode}
            inputMode="numeric"
            maxLength={24}
            problems={fields.billingCode ?? fields.amount}
          />
          <div className="field field--button">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t('applications.payment.record')}
            </button>
          </div>
        </form>
      )}
      {open && checked && (
        <Notice tone={checked.reached ? 'info' : 'warning'}>
          {t(checked.reached ? 'applications.payment.stillUnpaid' : 'applications.payment.notChecked', {
            time: formatTime(checked.at, tz, i18n.language === 'en' ? 'en' : 'id'),
          })}
        </Notice>
      )}
      {payable && open && asking !== 'manual' && (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => void checkStatus()} disabled={busy}>
            {t('applications.payment.checkStatus')}
          </button>
          <button type="button" className="btn" onClick={() => setAsking('manual')}>
            {t('applications.payment.confirmManual')}
          </button>
        </div>
      )}
      {open && asking === 'manual' && (
        <SupervisorOverride
          action="payment.manual"
          onCancel={() => setAsking(null)}
          onGranted={async (overrideToken) => {
            const r = await run('payments.confirmManual', { paymentId: open.id, proofReference: proof, overrideToken });
            if (r.ok) setAsking(null);
            return r.ok;
          }}
        >
          <TextField label={t('applications.payment.proof')} value={proof} onValue={setProof} required />
        </SupervisorOverride>
      )}
      {payable && !settled && asking !== 'waive' && (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setAsking('waive')}>
            {t('applications.payment.waive')}
          </button>
        </div>
      )}
      {asking === 'waive' && (
        <SupervisorOverride
          action="fee.waive"
          onCancel={() => setAsking(null)}
          onGranted={async (overrideToken) => {
            const r = await run('payments.waive', { applicationId: app.id, reason: waiveReason, overrideToken });
            if (r.ok) setAsking(null);
            return r.ok;
          }}
        >
          <TextField label={t('applications.payment.waiveReason')} value={waiveReason} onValue={setWaiveReason} required />
        </SupervisorOverride>
      )}
      <ProblemList problems={fields.proofReference} />
    </div>
  );
}
