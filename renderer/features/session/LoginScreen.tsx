import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@common/contract/index.js';
import { LanguageSwitch } from '@renderer/components/LanguageSwitch.js';
import { Notice } from '@renderer/components/Notice.js';
import { CodeField, TextField } from '@renderer/components/Field.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { describeError } from '@renderer/lib/errors.js';
import { formatMoment } from '@renderer/lib/time.js';
import { useNow } from '@renderer/lib/use-now.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { retryAtOf, useSessionStore, type LoginNotice } from './session-store.js';
import { TrainingAccounts } from '../setup/TrainingAccounts.js';

/** The specific reason a login failed, or why the login screen is showing. */
function useLoginMessage(error: ErrorBody | null, notice: LoginNotice): { tone: 'error' | 'info'; text: string; extra?: string } | null {
  const { t } = useTranslation();
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');
  const now = useNow();
  const lockedUntil = (retryAt: number) => t('login.locked', { time: formatMoment(retryAt, now, tz, currentLanguage()) });
  if (error) {
    if (error.code === 'INVALID_CREDENTIALS') {
      const left = (error.details as { attemptsLeft?: number } | undefined)?.attemptsLeft;
      return { tone: 'error', text: t('login.wrong'), ...(left !== undefined ? { extra: t('login.attemptsLeft', { count: left }) } : {}) };
    }
    if (error.code === 'ACCOUNT_LOCKED') return { tone: 'error', text: lockedUntil(retryAtOf(error) ?? now) };
    if (error.code === 'FORBIDDEN') return { tone: 'error', text: t('login.disabled') };
    if (error.code === 'VALIDATION') return { tone: 'error', text: t('login.required') };
    return { tone: 'error', text: describeError(t, error) };
  }
  if (notice?.kind === 'accountLocked') return { tone: 'error', text: lockedUntil(notice.retryAt) };
  if (notice?.kind === 'ended') return { tone: 'info', text: t('login.sessionEnded') };
  if (notice?.kind === 'loggedOut') return { tone: 'info', text: t('login.loggedOut') };
  return null;
}

export function LoginScreen() {
  const { t } = useTranslation();
  const training = useAppStore((s) => s.status?.training ?? false);
  const leaveTraining = useAppStore((s) => s.leaveTraining);
  const login = useSessionStore((s) => s.login);
  const notice = useSessionStore((s) => s.notice);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const message = useLoginMessage(error, notice);

  const onSubmit = async (e: FormEvent<HTMLFormElement>): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) return setError({ code: 'VALIDATION', message: 'required' });
    setBusy(true);
    const result = await login(username.trim(), password);
    setBusy(false);
    if (result.ok) return;
    setError(result.error);
    // Keep what was typed; select the password so the next attempt simply types over it.
    setTimeout(() => passwordRef.current?.select(), 0);
  };

  // A set-up workstation goes back live only for a live admin: the name and password typed above.
  const onLeaveTraining = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const result = await leaveTraining({ username: username.trim(), password });
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <section className="screen screen--login" aria-labelledby="login-title">
      <div className="panel panel--narrow">
        <div className="panel__top">
          <h1 id="login-title">{t('login.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="lead">{t('login.intro')}</p>
        {training && <TrainingAccounts />}
        <form noValidate onSubmit={(e) => void onSubmit(e)}>
          <CodeField label={t('login.username')} autoFocus autoComplete="username" value={username} onValue={setUsername} />
          <TextField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            ref={passwordRef}
          />
          {message && (
            <Notice tone={message.tone}>
              <p>{message.text}</p>
              {message.extra && <p>{message.extra}</p>}
            </Notice>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn--primary btn--large btn--block" disabled={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </div>
        </form>
        {training && (
          <div className="training-offer">
            <button type="button" className="btn btn--secondary" onClick={() => void onLeaveTraining()}>
              {t('training.leave')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
