import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '@renderer/lib/time.js';
import { call } from '@renderer/api/client.js';
import { Checkbox } from '@renderer/components/Choices.js';
import { CodeField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError, fieldsOf } from '@renderer/lib/errors.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { useVisitStore, visitApplication } from '../counter/visit-store.js';
import { replaceHash } from '@renderer/lib/route.js';
import type { ApplicationView } from './applications-store.js';
import { useSessionStore } from '../session/session-store.js';
import { searchRoute } from './route.js';
import { AppHead, StatusBadge } from './ui.js';
import { ApplicantPhoto } from './ApplicantPhoto.js';

/** Scan the receipt (or type the number), check the collector against the NIK and photo, record it. */
export function HandOverScreen() {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const [code, setCode] = useState('');
  const [app, setApp] = useState<ApplicationView | null>(null);
  const [identity, setIdentity] = useState('');
  const [photoMatched, setPhotoMatched] = useState(false);
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const scan = useRef<HTMLInputElement>(null);
  useEffect(() => scan.current?.focus(), []);
  useShortcuts([{ keys: 'Escape', run: () => replaceHash(searchRoute(role)) }]);

  const find = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setDone(false);
    const r = await call('applications.findForHandOver', { code });
    if (!r.ok) return (setApp(null), setError(describeError(t, r.error)));
    setApp(r.value);
    // The collection the ticket at the counter came for.
    useVisitStore.getState().attach(r.value.id);
    setIdentity('');
    setPhotoMatched(false);
  };
  const record = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!app || !photoMatched) return;
    const r = await call('applications.handOver', { id: app.id, identityNumber: identity, photoMatched: true });
    if (!r.ok) {
      setProblems(fieldsOf(r.error));
      return setError(describeError(t, r.error));
    }
    setApp(r.value);
    useVisitStore.getState().see(visitApplication(r.value));
    setDone(true);
    setProblems({});
  };

  return (
    <section className="screen screen--handover" aria-labelledby="handover-title">
      <AppHead id="handover-title" title={t('applications.handOver.title')} onBack={() => replaceHash(searchRoute(role))} />
      <form className="card" onSubmit={(e) => void find(e)}>
        <CodeField
          ref={scan}
          label={t('applications.handOver.scan')}
          value={code}
          onValue={setCode}
          hint={t('applications.handOver.scanHint')}
        />
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {done && <Notice tone="success">{t('applications.handOver.done', { number: app?.number })}</Notice>}
      {app && (
        <form className="card" onSubmit={(e) => void record(e)} aria-labelledby="handover-app">
          <h2 id="handover-app">
            {app.number} <StatusBadge status={app.status} />
          </h2>
          <p>
            {app.applicant.fullName} · {formatCalendarDate(app.applicant.birthDate, i18n.language === 'en' ? 'en' : 'id')}
          </p>
          <ApplicantPhoto id={app.id} />
          {app.status === 'ready' ? (
            <>
              <CodeField
                label={t('applications.handOver.identity')}
                value={identity}
                onValue={setIdentity}
                problems={problems.identityNumber}
                autoFocus
              />
              <Checkbox label={t('applications.handOver.photoMatched')} checked={photoMatched} onChecked={setPhotoMatched} />
              <div className="form-actions">
                <button type="submit" className="btn btn--primary" disabled={!photoMatched || identity.trim().length < 6}>
                  {t('applications.handOver.record')}
                </button>
              </div>
            </>
          ) : (
            !done && <Notice tone="warning">{t('applications.handOver.notReady')}</Notice>
          )}
        </form>
      )}
    </section>
  );
}
