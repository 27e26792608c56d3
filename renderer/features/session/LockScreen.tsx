import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@common/contract/index.js';
import { TextField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { useSessionStore } from './session-store.js';

/** Covers the work (which stays as it was) until the same officer types their password. */
export function LockScreen() {
  const { t } = useTranslation();
  const session = useSessionStore((s) => s.session);
  const unlock = useSessionStore((s) => s.unlock);
  const logout = useSessionStore((s) => s.logout);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  if (!session) return null;

  const onSubmit = async (e: FormEvent<HTMLFormElement>): Promise<void> => {
    e.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    const result = await unlock(password);
    setBusy(false);
    if (result.ok) return;
    setError(result.error);
    setTimeout(() => passwordRef.current?.select(), 0);
  };

  const left = (error?.details as { attemptsLeft?: number } | undefined)?.attemptsLeft;
  return (
    <section className="screen screen--lock" aria-labelledby="lock-title">
      <div className="panel panel--narrow">
        <div className="lock-icon" aria-hidden="true" />
        <h1 id="lock-title">{t('lock.title')}</h1>
        <div className="lock-who">
          <p className="lock-who__label">{t('lock.who')}</p>
          <p className="lock-who__name">{session.fullName}</p>
          <p className="lock-who__meta">
            {session.username} · {t(`roles.${session.role}`)}
          </p>
        </div>
        <p className="lead">{t('lock.intro')}</p>
        <form noValidate onSubmit={(e) => void onSubmit(e)}>
          <TextField
            label={t('lock.password')}
            type="password"
            autoFocus
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            ref={passwordRef}
          />
          {error && (
            <Notice tone="error">
              <p>{error.code === 'INVALID_CREDENTIALS' ? t('lock.wrong') : describeError(t, error)}</p>
              {left !== undefined && <p>{t('login.attemptsLeft', { count: left })}</p>}
            </Notice>
          )}
          <FormActions submit={t('lock.submit')} busy={busy} large>
            <button type="button" className="btn btn--secondary" onClick={() => void logout()}>
              {t('lock.logout')}
            </button>
          </FormActions>
        </form>
      </div>
    </section>
  );
}
