import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList, TextAreaField, TextField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { replaceHash } from '@renderer/lib/route.js';
import { useApplicationsStore, type ApplicationView } from './applications-store.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useSessionStore } from '../session/session-store.js';
import { captureRoute } from '../capture/route.js';
import { ChecklistPanel } from './ChecklistPanel.js';
import { EditApplicant, editDraftForm } from './EditApplicant.js';
import { call } from '@renderer/api/client.js';
import { PaymentPanel } from './PaymentPanel.js';
import { ReceiptsPanel } from './ReceiptsPanel.js';
import { searchRoute } from './route.js';
import { AppHead, StatusBadge } from './ui.js';
import { ApplicantPhoto } from './ApplicantPhoto.js';
import { formatCalendarDate, formatDateTime } from '@renderer/lib/time.js';

const EDITABLE = ['checked_in', 'incomplete', 'verified', 'biometrics_captured', 'interviewed'];
/** Actions with their own screens or forms. */
const ELSEWHERE = new Set(['approve', 'reject', 'handOver', 'expire']);
/** Problems the payment panel shows next to its own fields. */
const PANEL_FIELDS = new Set(['billingCode', 'amount', 'proofReference']);
type CounterAction = 'verify' | 'markIncomplete' | 'captureBiometrics' | 'interview' | 'pay' | 'submit' | 'print' | 'markReady' | 'cancel';

function Facts({ app }: { app: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const a = app.applicant;
  const rows: Array<[string, string | null]> = [
    ['nik', a.nik],
    ['fullName', a.fullName],
    ['birthPlace', a.birthPlace],
    ['birthDate', formatCalendarDate(a.birthDate, lang)],
    ['sex', t(`applications.sex.${a.sex}`)],
    ['address', a.address],
    ['phone', a.phone],
    ['passportNumber', a.passportNumber],
  ];
  return (
    <dl className="app-facts">
      {rows.map(([k, value]) => (
        <div key={k}>
          <dt>{t(`applications.field.${k}`)}</dt>
          <dd>{value ?? '—'}</dd>
        </div>
      ))}
      <div>
        <dt>{t('applications.collectionDate')}</dt>
        <dd>{formatCalendarDate(app.collectionDate, lang)}</dd>
      </div>
    </dl>
  );
}

/** One application at the counter: checklist, MRZ, interview notes, payment, the next step, receipts. */
export function ApplicationScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const { current, open, run, busy, error, clearError } = useApplicationsStore();
  const [notes, setNotes] = useState('');
  const [mrz, setMrz] = useState('');
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');

  useEffect(() => {
    void open(id).then((r) => r.ok && setNotes(r.value.interviewNotes ?? ''));
    // Corrections left unsaved (a lock, a restart) reopen the editor with what was typed.
    void call('drafts.load', { form: editDraftForm(id) }).then((r) => r.ok && r.value && setEditing(true));
  }, [id, open]);
  useShortcuts([{ keys: 'Escape', run: () => replaceHash(searchRoute(role)) }]);

  const app = current?.id === id ? current : null;
  if (!app)
    return (
      <section className="screen">
        {error ? <Notice tone="error">{describeError(t, error)}</Notice> : <p className="muted">{t('applications.loading')}</p>}
      </section>
    );
  const editable = EDITABLE.includes(app.status);
  const actions = app.nextActions.filter((a) => !ELSEWHERE.has(a)) as CounterAction[];
  const fields = (error?.details as { fields?: Record<string, string[]> } | undefined)?.fields ?? {};
  const act = (action: CounterAction): void => {
    clearError();
    void run('applications.transition', { id: app.id, action, ...(action === 'cancel' ? { reason } : {}) });
  };

  return (
    <section className="screen screen--application" aria-labelledby="app-title">
      <AppHead
        id="app-title"
        title={
          <>
            <span data-testid="app-number">{app.number}</span> <StatusBadge status={app.status} />
          </>
        }
        lead={`${app.applicant.fullName} · ${app.serviceName[lang]}`}
        onBack={() => replaceHash(searchRoute(role))}
      />
      <ApplicantPhoto id={app.id} />
      {error && Object.keys(fields).length === 0 && <Notice tone="error">{describeError(t, error)}</Notice>}
      <ProblemList
        problems={Object.entries(fields)
          .filter(([k]) => !PANEL_FIELDS.has(k))
          .flatMap(([, v]) => v)}
      />
      <div className="app-columns">
        <div className="stack">
          <div className="card" aria-labelledby="next-title">
            <h2 id="next-title">{t('applications.next.title')}</h2>
            <div className="form-actions">
              {actions
                .filter((a) => a !== 'cancel')
                .map((a, i) => (
                  <button
                    key={a}
                    type="button"
                    className={`btn${i === 0 ? ' btn--primary' : ''}`}
                    disabled={busy}
                    onClick={() => act(a)}
                    data-action={a}
                  >
                    {t(`applications.action.${a}`)}
                  </button>
                ))}
              {app.status === 'verified' && (
                <button type="button" className="btn" onClick={() => replaceHash(captureRoute(role, app.id))}>
                  {t('applications.next.capture')}
                </button>
              )}
            </div>
            {actions.includes('cancel') && (
              <div className="form-row">
                <TextField label={t('applications.next.cancelReason')} value={reason} onValue={setReason} />
                <div className="field field--button">
                  <button
                    type="button"
                    className="btn btn--danger"
                    disabled={busy || reason.trim().length < 3}
                    onClick={() => act('cancel')}
                  >
                    {t('applications.action.cancel')}
                  </button>
                </div>
              </div>
            )}
          </div>
          <ChecklistPanel app={app} editable={editable} />
          {editable && (
            <div className="card" aria-labelledby="interview-title">
              <h2 id="interview-title">{t('applications.interview.title')}</h2>
              <TextAreaField label={t('applications.interview.title')} labelHidden rows={3} value={notes} onValue={setNotes} />
              <div className="form-actions">
                <button
                  type="button"
                  className="btn"
                  disabled={busy || notes.trim().length < 3}
                  onClick={() => void run('applications.setInterviewNotes', { id: app.id, notes })}
                >
                  {t('applications.interview.save')}
                </button>
              </div>
              <TextAreaField
                label={t('applications.new.mrz')}
                className="field--mrz"
                rows={2}
                value={mrz}
                onValue={setMrz}
                spellCheck={false}
              />
              <div className="form-actions">
                <button
                  type="button"
                  className="btn"
                  disabled={busy || mrz.trim().length < 88}
                  onClick={() => void run('applications.fillFromMrz', { id: app.id, mrz }).then((r) => r.ok && setMrz(''))}
                >
                  {t('applications.interview.readMrz')}
                </button>
              </div>
            </div>
          )}
        </div>
        <div className="stack">
          {editing ? (
            <EditApplicant app={app} onDone={() => setEditing(false)} />
          ) : (
            <div className="card" aria-labelledby="applicant-title">
              <div className="card__head">
                <h2 id="applicant-title">{t('applications.applicant')}</h2>
                {editable && (
                  <button type="button" className="btn btn--link" onClick={() => setEditing(true)}>
                    {t('applications.edit.open')}
                  </button>
                )}
              </div>
              <Facts app={app} />
            </div>
          )}
          <PaymentPanel app={app} />
          <ReceiptsPanel app={app} />
          <div className="card" aria-labelledby="history-title">
            <h2 id="history-title">{t('applications.history')}</h2>
            <ol className="app-history">
              {app.transitions.map((x, i) => (
                <li key={i}>
                  {formatDateTime(x.at, tz, lang)} · {t(`applications.status.${x.to}`)} · {x.username}
                  {x.reason ? ` · ${x.reason}` : ''}
                </li>
              ))}
            </ol>
          </div>
        </div>
      </div>
    </section>
  );
}
