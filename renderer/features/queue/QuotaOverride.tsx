// A supervisor lets one more applicant in past the daily quota (auth.override 'quota.exceed'); the
// officer stays signed in and the single-use token goes straight into the ticket.
import { useTranslation } from 'react-i18next';
import { TextField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { useSupervisorOverride } from '@renderer/lib/supervisor-override.js';

export function QuotaOverride({ onGranted, onCancel }: { onGranted: (token: string) => Promise<boolean>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { username, setUsername, password, setPassword, reason, setReason, busy, error, submit } = useSupervisorOverride(
    'quota.exceed',
    onGranted,
    'queue.override',
  );

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
