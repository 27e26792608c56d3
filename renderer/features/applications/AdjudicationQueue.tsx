import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client.js';
import { TextField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { HOME_ROUTE, replaceHash } from '@renderer/lib/route.js';
import { useApplicationsStore, type ApplicationSummary } from './applications-store.js';
import { useSessionStore } from '../session/session-store.js';
import { AppHead } from './ui.js';
import { AdjudicationDetails } from './AdjudicationDetails.js';

function Decide({ app, onDone }: { app: ApplicationSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject', e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    if (decision === 'reject' && reason.trim().length < 3) return setError(t('applications.adjudication.reasonNeeded'));
    setBusy(true);
    const r = await call('applications.adjudicate', {
      id: app.id,
      decision,
      password,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    setPassword('');
    if (!r.ok) return setError(describeError(t, r.error));
    onDone();
  };
  return (
    <form
      className="app-decide"
      onSubmit={(e) => void decide('approve', e)}
      aria-label={t('applications.adjudication.decide', { number: app.number })}
    >
      <TextField label={t('applications.adjudication.reason')} value={reason} onValue={setReason} />
      <TextField
        label={t('applications.adjudication.password')}
        type="password"
        value={password}
        onValue={setPassword}
        autoComplete="current-password"
        required
      />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !password}>
          {t('applications.action.approve')}
        </button>
        <button type="button" className="btn btn--danger" disabled={busy || !password} onClick={() => void decide('reject')}>
          {t('applications.action.reject')}
        </button>
      </div>
    </form>
  );
}

/** Submitted applications waiting for a decision; each decision asks for the supervisor's password again. */
export function AdjudicationQueue() {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'supervisor');
  const { queue, loadQueue } = useApplicationsStore();
  const [open, setOpen] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'id';
  useEffect(() => void loadQueue(), [loadQueue]);
  useShortcuts([{ keys: 'Escape', run: () => replaceHash(HOME_ROUTE[role]) }]);
  return (
    <section className="screen screen--adjudication" aria-labelledby="adj-title">
      <AppHead id="adj-title" title={t('applications.adjudication.title')} onBack={() => replaceHash(HOME_ROUTE[role])} />
      {queue.length === 0 ? (
        <p className="muted card">{t('applications.adjudication.empty')}</p>
      ) : (
        <ul className="app-queue">
          {queue.map((a) => (
            <li key={a.id} className="card">
              <button
                type="button"
                className="btn btn--link"
                aria-expanded={open === a.id}
                onClick={() => setOpen(open === a.id ? null : a.id)}
              >
                {a.number} · {a.fullName} · {a.serviceName[lang]}
              </button>
              {open === a.id && <AdjudicationDetails id={a.id} />}
              {open === a.id && (
                <Decide
                  app={a}
                  onDone={() => {
                    setOpen(null);
                    void loadQueue();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
