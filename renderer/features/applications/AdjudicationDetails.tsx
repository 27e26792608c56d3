// What the supervisor decides on: the checked documents, the interview notes and the state of each
// biometric modality, read fresh when an application is opened in the adjudication queue.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '@common/contract/index.js';
import { call } from '@renderer/api/client.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { ApplicantPhoto } from './ApplicantPhoto.js';

type Application = CallOutput<'applications.get'>;
type Captures = CallOutput<'biometrics.status'>;

export function AdjudicationDetails({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const [app, setApp] = useState<Application | null>(null);
  const [captures, setCaptures] = useState<Captures | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [a, c] = await Promise.all([call('applications.get', { id }), call('biometrics.status', { applicationId: id })]);
      if (!live) return;
      if (!a.ok) return setError(describeError(t, a.error));
      setApp(a.value);
      if (c.ok) setCaptures(c.value);
    })();
    return () => {
      live = false;
    };
  }, [id, t]);
  if (error) return <Notice tone="error">{error}</Notice>;
  if (!app) return <p className="muted">{t('applications.loading')}</p>;
  return (
    <div className="adj-details" data-testid="adjudication-details">
      <ApplicantPhoto id={id} />
      <section aria-label={t('applications.documents.title')}>
        <h3>{t('applications.documents.title')}</h3>
        <ul>
          {app.documents.map((d) => (
            <li key={d.docCode}>
              {d.name[lang]}: <strong>{t(`applications.documents.state.${d.state}`)}</strong>
              {d.note ? ` (${d.note})` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={t('applications.interview.title')}>
        <h3>{t('applications.interview.title')}</h3>
        <p>{app.interviewNotes?.trim() ? app.interviewNotes : '—'}</p>
      </section>
      {captures && (
        <section aria-label={t('capture.title')}>
          <h3>{t('capture.title')}</h3>
          <ul>
            {captures.modalities.map((m) => (
              <li key={m.modality}>
                {t(`capture.modality.${m.modality}`)}: <strong>{t(`capture.state.${m.state}`)}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
