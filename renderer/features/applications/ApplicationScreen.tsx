import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList, TextAreaField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError, fieldsOf, type FieldProblems } from '@renderer/lib/errors.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { replaceHash } from '@renderer/lib/route.js';
import { useApplicationsStore, type ApplicationView } from './applications-store.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useSessionStore } from '../session/session-store.js';
import { ChecklistPanel } from './ChecklistPanel.js';
import { FIELD_ORDER, FieldsNotice, problemPaths } from './field-problems.js';
import { NextStepPanel, readyStep, type CounterAction } from './NextStepPanel.js';
import { PRIMARY_KEYS } from './keys.js';
import { EditApplicant, editDraftForm } from './EditApplicant.js';
import { call } from '@renderer/api/client.js';
import { PaymentPanel } from './PaymentPanel.js';
import { ReceiptsPanel } from './ReceiptsPanel.js';
import { searchRoute } from './route.js';
import { AppHead, StatusBadge } from './ui.js';
import { ApplicantPhoto } from './ApplicantPhoto.js';
import { useVisitStore } from '../counter/visit-store.js';
import { formatCalendarDate, formatDateTime } from '@renderer/lib/time.js';

const EDITABLE = ['checked_in', 'incomplete', 'verified', 'biometrics_captured', 'interviewed'];
/** Problems the payment panel shows next to its own fields. */
const PANEL_FIELDS = new Set(['billingCode', 'amount', 'proofReference']);

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

/** A Ctrl+Enter is being taken: a second press meanwhile would take the same step twice. */
let pressing = false;

/** One application at the counter: checklist, MRZ, interview notes, payment, the next step, receipts. */
export function ApplicationScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const { current, open, run, busy, error, clearError } = useApplicationsStore();
  const [notes, setNotes] = useState('');
  const [mrz, setMrz] = useState('');
  const [editing, setEditing] = useState(false);
  /** The fields the editor opens at: a refusal's, or those the next step names. */
  const [fixing, setFixing] = useState<FieldProblems | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');

  useEffect(() => {
    void open(id).then((r) => r.ok && setNotes(r.value.interviewNotes ?? ''));
    // Opened while serving a ticket that has none yet: this is the ticket's application.
    useVisitStore.getState().attach(id);
    // Corrections left unsaved (a lock, a restart) reopen the editor with what was typed.
    void call('drafts.load', { form: editDraftForm(id) }).then((r) => r.ok && r.value && setEditing(true));
  }, [id, open]);
  // Ctrl+Enter takes the step that can be taken now; notes typed for the interview are saved on the way.
  const primary = async (): Promise<void> => {
    if (pressing) return;
    pressing = true;
    try {
      await takeReadyStep();
    } finally {
      pressing = false;
    }
  };
  const takeReadyStep = async (): Promise<void> => {
    // Read afresh: back from capture, the view on screen may be the one from before it, whose step waits.
    const fresh = await open(id);
    if (!fresh.ok) return;
    let view = fresh.value;
    const typed = notes.trim();
    if (typed.length >= 3 && typed !== (view.interviewNotes ?? '').trim()) {
      const saved = await run('applications.setInterviewNotes', { id, notes });
      if (!saved.ok) return;
      view = saved.value;
    }
    const ready = readyStep(view);
    if (ready) act(ready);
  };
  useShortcuts([
    { keys: 'Escape', run: () => replaceHash(searchRoute(role)) },
    // Not held back while the screen loads: a press on arrival waits for the fresh view instead of being lost.
    { keys: PRIMARY_KEYS, run: () => void primary() },
  ]);

  const app = current?.id === id ? current : null;
  if (!app)
    return (
      <section className="screen">
        {error ? <Notice tone="error">{describeError(t, error)}</Notice> : <p className="muted">{t('applications.loading')}</p>}
      </section>
    );
  const editable = EDITABLE.includes(app.status);
  const fields = (error?.details as { fields?: Record<string, string[]> } | undefined)?.fields ?? {};
  // The applicant's fields a refusal names are listed by their labels; the rest keep their own place.
  const named = new Set(problemPaths(fields).filter((p) => (FIELD_ORDER as readonly string[]).includes(p)));
  const fix = (problems: FieldProblems): void => {
    setFixing(problems);
    setEditing(true);
  };
  const act = (action: CounterAction, reason?: string): void => {
    clearError();
    void run('applications.transition', { id: app.id, action, ...(reason !== undefined ? { reason } : {}) }).then((r) => {
      const refused = r.ok ? {} : fieldsOf(r.error);
      if (editable && Object.keys(refused).some((p) => (FIELD_ORDER as readonly string[]).includes(p))) fix(refused);
    });
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
      {!editing && <FieldsNotice fields={Object.fromEntries(Object.entries(fields).filter(([k]) => named.has(k)))} />}
      <ProblemList
        problems={Object.entries(fields)
          .filter(([k]) => !PANEL_FIELDS.has(k) && !named.has(k))
          .flatMap(([, v]) => v)}
      />
      {/* Three columns on a counter screen: the steps and notes, the documents and the applicant, money and paper. */}
      <div className={`app-board${editing ? ' app-board--editing' : ''}`}>
        <div className="stack">
          <NextStepPanel app={app} busy={busy} onAct={act} onFix={fix} />
          {editable && (
            <div className="card" aria-labelledby="interview-title" data-counter-step="interview">
              <h2 id="interview-title">{t('applications.interview.title')}</h2>
              <TextAreaField label={t('applications.interview.title')} labelHidden rows={2} value={notes} onValue={setNotes} />
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
              {/* The old passport is read once, if at all: out of the way until asked for. */}
              <details className="app-mrz">
                <summary>{t('applications.interview.readMrz')}</summary>
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
              </details>
            </div>
          )}
        </div>
        <div className="stack app-board__file">
          <ChecklistPanel app={app} editable={editable} />
          {editing ? (
            <EditApplicant
              app={app}
              problems={fixing}
              onDone={() => {
                setEditing(false);
                setFixing(null);
              }}
            />
          ) : (
            <div className="card" aria-labelledby="applicant-title" data-counter-step="data">
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
        </div>
        <div className="stack">
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
