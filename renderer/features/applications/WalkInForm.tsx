import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '@common/contract/index.js';
import { checkMrz, type MrzIssue } from '@common/domain/applications/mrz.js';
import { isBookingCode } from '@common/domain/queue/booking-code.js';
import type { PriorityGroup } from '@common/domain/queue/order.js';
import { call } from '@renderer/api/client.js';
import { CodeField, TextAreaField } from '@renderer/components/Field.js';
import { DraftNotice } from '@renderer/components/DraftNotice.js';
import { Notice } from '@renderer/components/Notice.js';
import { useDraft, type DraftValues } from '@renderer/lib/drafts.js';
import { formatCalendarDate } from '@renderer/lib/time.js';
import { describeError, fieldsOf, hasProblems } from '@renderer/lib/errors.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { replaceHash } from '@renderer/lib/route.js';
import { useApplicationsStore } from './applications-store.js';
import { useSessionStore } from '../session/session-store.js';
import { useVisitStore } from '../counter/visit-store.js';
import { EMPTY, fromDraft, fromMrz, toDraft, type FormValues } from './draft.js';
import { detailRoute, newDraftForm, searchRoute } from './route.js';
import { ApplicantFields } from './ApplicantFields.js';
import { FieldsNotice, focusFirstProblem, withoutField } from './field-problems.js';
import { AppHead, FeeFacts } from './ui.js';
import { PRIMARY_KEYS } from './keys.js';

type Check = CallOutput<'applications.validate'>;

/**
 * Check-in at the counter: a walk-in typed (or read from the old passport's MRZ), or a booking pre-filled.
 * Opened for a called ticket, it loads the ticket's booking by itself or starts with the ticket's priority group.
 */
export function WalkInForm({ booking, group = null }: { booking: string | null; group?: PriorityGroup | null }) {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const attach = useVisitStore((s) => s.attach);
  const { catalogue, loadCatalogue } = useApplicationsStore();
  const initial: FormValues = group ? { ...EMPTY, priorityGroup: group } : EMPTY;
  const [v, setV] = useState<FormValues>(initial);
  const [bookingCode, setBookingCode] = useState(booking ?? '');
  const [bookingLoaded, setBookingLoaded] = useState<string | null>(null);
  const [mrz, setMrz] = useState('');
  const [mrzIssues, setMrzIssues] = useState<MrzIssue[]>([]);
  const [mrzWarnings, setMrzWarnings] = useState<MrzIssue[]>([]);
  const [check, setCheck] = useState<Check | null>(null);
  const [server, setServer] = useState<Record<string, string[]>>({});
  const [refused, setRefused] = useState<Record<string, string[]> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const set =
    <K extends keyof FormValues>(k: K) =>
    (value: FormValues[K]) => {
      setV((old) => ({ ...old, [k]: value }));
      setServer({});
      setRefused((old) => withoutField(old, k));
    };

  // What was typed survives a lock, a crash or a restart: kept in core under this form's name.
  const typed: DraftValues = { ...v, bookingCode, bookingLoaded, mrz };
  const dirty = JSON.stringify(v) !== JSON.stringify(initial) || bookingCode !== (booking ?? '') || mrz !== '';
  const kept = useDraft(
    newDraftForm(booking),
    typed,
    (saved) => {
      const { bookingCode: code, bookingLoaded: loaded, mrz: lines, ...fields } = saved;
      setV({ ...initial, ...(fields as Partial<FormValues>) });
      if (typeof code === 'string') setBookingCode(code);
      setBookingLoaded(typeof loaded === 'string' ? loaded : null);
      if (typeof lines === 'string') setMrz(lines);
    },
    dirty,
  );
  const startAfresh = (): void => {
    void kept.discard();
    setV(initial);
    setBookingCode(booking ?? '');
    setBookingLoaded(null);
    setMrz('');
    first.current?.focus();
  };

  useEffect(() => {
    void loadCatalogue();
    first.current?.focus();
  }, [loadCatalogue]);

  // Validation as the officer types: the same rules core runs, asked of core after a short pause.
  const draft = toDraft(v);
  const key = JSON.stringify(draft);
  useEffect(() => {
    const typed = JSON.parse(key) as typeof draft;
    const timer = setTimeout(() => {
      if (!typed) return setCheck(null);
      void call('applications.validate', { draft: typed, complete: false }).then((r) => r.ok && setCheck(r.value));
    }, 250);
    return () => clearTimeout(timer);
  }, [key, setCheck]);

  const loadBooking = async (code = bookingCode): Promise<void> => {
    setError(null);
    const r = await call('applications.bookingDraft', { bookingCode: code.trim() });
    if (!r.ok) return setError(describeError(t, r.error));
    if (r.value.applicationId) {
      attach(r.value.applicationId);
      return replaceHash(detailRoute(role, r.value.applicationId));
    }
    setV(fromDraft(r.value.draft));
    setBookingLoaded(r.value.bookingCode);
  };
  // A booking the form was opened for (the called ticket's) loads by itself, unless typing was kept for it.
  const autoLoaded = useRef(false);
  useEffect(() => {
    if (!booking || !kept.ready || kept.restoredAt !== null || autoLoaded.current || !isBookingCode(booking)) return;
    autoLoaded.current = true;
    void loadBooking(booking);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the draft's answer is in
  }, [booking, kept.ready, kept.restoredAt]);

  const readMrz = (text: string): void => {
    setMrz(text);
    const lines = text.trim().split(/\r?\n/).filter(Boolean);
    setMrzWarnings([]);
    if (lines.length < 2 || lines[1]!.trim().length < 44) return setMrzIssues([]);
    const r = checkMrz(text);
    setMrzIssues(r.issues);
    setMrzWarnings(r.warnings);
    if (r.valid && r.fields) setV((old) => fromMrz(old, r.fields!));
  };

  const problems = (path: string): string[] | undefined => {
    const mine = [...(check?.problems[path] ?? []), ...(server[path] ?? [])];
    return mine.length > 0 ? [...new Set(mine)] : undefined;
  };

  // A refused check-in names its fields in one notice and puts the caret on the first of them.
  const refuse = (fields: Record<string, string[]>): void => {
    setServer(fields);
    setRefused(hasProblems(fields) ? fields : null);
    if (hasProblems(fields)) requestAnimationFrame(() => focusFirstProblem(formRef.current, fields));
  };
  const submit = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    setError(null);
    setRefused(null);
    if (!draft) return refuse({ ...(v.fullName ? {} : { 'applicant.fullName': ['required'] }), 'applicant.birthDate': ['required'] });
    setBusy(true);
    const r = await call('applications.create', { draft, ...(bookingLoaded ? { bookingCode: bookingLoaded } : {}) });
    setBusy(false);
    if (r.ok) {
      await kept.discard();
      attach(r.value.id);
      return replaceHash(detailRoute(role, r.value.id));
    }
    const fields = fieldsOf(r.error);
    refuse(fields);
    if (!hasProblems(fields)) setError(describeError(t, r.error));
  };

  useShortcuts([
    { keys: PRIMARY_KEYS, run: () => void submit() },
    { keys: 'Escape', run: () => replaceHash(searchRoute(role)) },
  ]);

  // Two columns at the counter: the applicant on the left, where the caret goes; the booking, the old
  // passport's MRZ, the fee and the documents on the right, with the check-in button under them.
  return (
    <section className="screen screen--walkin" aria-labelledby="walkin-title">
      <AppHead id="walkin-title" title={t('applications.new.title')} onBack={() => replaceHash(searchRoute(role))} />
      <form className="walkin" ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={t('applications.new.title')}>
        <div className="card walkin__applicant">
          <DraftNotice draft={kept} onDiscard={startAfresh} />
          {refused && <FieldsNotice fields={refused} />}
          <ApplicantFields values={v} set={set} problems={problems} catalogue={catalogue} firstRef={first} />
        </div>
        <div className="stack walkin__side">
          <div className="card">
            <div className="form-row">
              <CodeField
                label={t('applications.new.bookingCode')}
                value={bookingCode}
                onValue={setBookingCode}
                placeholder="MP…"
                problems={bookingCode.trim() !== '' && !isBookingCode(bookingCode) ? ['booking.code'] : undefined}
              />
              <div className="field field--button">
                <button type="button" className="btn" onClick={() => void loadBooking()} disabled={!isBookingCode(bookingCode)}>
                  {t('applications.new.loadBooking')}
                </button>
              </div>
            </div>
            {bookingLoaded && <Notice tone="info">{t('applications.new.fromBooking', { code: bookingLoaded })}</Notice>}
            <TextAreaField
              label={t('applications.new.mrz')}
              hint={t('applications.new.mrzHint')}
              className="field--mrz"
              rows={2}
              cols={46}
              value={mrz}
              onValue={readMrz}
              spellCheck={false}
              autoComplete="off"
              problems={mrzIssues.map((i) => i.code)}
            />
            {mrzWarnings.length > 0 && (
              <Notice tone="warning">
                {t('applications.problems.mrz.countryUnknown', { codes: [...new Set(mrzWarnings.map((w) => w.value))].join(', ') })}
              </Notice>
            )}
          </div>
          <section className="card" aria-labelledby="walkin-summary">
            <h2 id="walkin-summary">{t('applications.new.summary')}</h2>
            {check?.fee ? (
              <FeeFacts fee={check.fee}>
                <div>
                  <dt>{t('applications.collectionDate')}</dt>
                  <dd>{formatCalendarDate(check.collectionDate, i18n.language === 'en' ? 'en' : 'id')}</dd>
                </div>
              </FeeFacts>
            ) : (
              <p className="muted">{t('applications.new.summaryEmpty')}</p>
            )}
            {check && check.requiredDocuments.length > 0 && (
              <>
                <h3>{t('applications.documents.title')}</h3>
                <ul className="walkin__documents">
                  {check.requiredDocuments.map((d) => (
                    <li key={d}>{t(`applications.documents.short.${d}`, { defaultValue: d })}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
          {error && <Notice tone="error">{error}</Notice>}
          <button type="submit" className="btn btn--primary btn--large" disabled={busy} aria-keyshortcuts="Control+Enter">
            {t('applications.new.checkIn')} <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      </form>
    </section>
  );
}
