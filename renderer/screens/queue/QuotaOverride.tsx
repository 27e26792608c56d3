// A supervisor lets one more applicant in past the daily quota (auth.override 'quota.exceed'); the
// officer stays signed in and the single-use token goes straight into the ticket.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { describeError } from '../../lib/errors.js';

export function QuotaOverride({ onGranted, onCancel }: { onGranted: (token: string) => Promise<boolean>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (reason.trim().length < 5) return setError(t('queue.override.reasonShort'));
    setBusy(true);
    setError(null);
    const r = await call('auth.override', { username: username.trim(), password, action: 'quota.exceed', reason: reason.trim() });
    if (!r.ok) {
      setBusy(false);
      setPassword('');
      return setError(r.error.code === 'INVALID_CREDENTIALS' || r.error.code === 'FORBIDDEN' ? t('queue.override.refused') : describeError(t, r.error));
    }
    const done = await onGranted(r.value.overrideToken);
    setBusy(false);
    if (!done) setPassword('');
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-label={t('queue.override.title')}>
      <p>
        <strong>{t('queue.override.title')}</strong>
      </p>
      <TextField label={t('queue.override.username')} value={username} onValue={setUsername} autoComplete="off" autoFocus required />
      <TextField label={t('queue.override.password')} type="password" value={password} onValue={setPassword} autoComplete="off" required />
      <TextField label={t('queue.override.reason')} value={reason} onValue={setReason} maxLength={500} required />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('queue.override.approve')}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
