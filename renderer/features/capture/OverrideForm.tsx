import { useTranslation } from 'react-i18next';
import type { OverrideAction } from '@common/contract/auth.js';
import { TextField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { useSupervisorOverride } from '@renderer/lib/supervisor-override.js';

/**
 * A supervisor authorises one action at this desk with their own credentials (auth.override); the
 * officer stays logged in. The token it yields is good for that one action, briefly.
 */
export function OverrideForm({
  action,
  onGranted,
  onCancel,
  submitLabel,
}: {
  action: OverrideAction;
  onGranted: (token: string) => Promise<boolean>;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const { username, setUsername, password, setPassword, reason, setReason, busy, error, submit } = useSupervisorOverride(
    action,
    onGranted,
    'capture.override',
  );

  return (
    <form
      className="capture-override"
      onSubmit={(e) => void submit(e)}
      aria-label={t(`capture.override.title.${action.replace('.', '_')}`)}
    >
      <p className="capture-override__title">{t(`capture.override.title.${action.replace('.', '_')}`)}</p>
      <div className="form-row capture-override__fields">
        <TextField label={t('capture.override.username')} value={username} onValue={setUsername} autoComplete="off" autoFocus required />
        <TextField
          label={t('capture.override.password')}
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="off"
          required
        />
      </div>
      <TextField label={t('capture.override.reason')} value={reason} onValue={setReason} maxLength={500} required />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
