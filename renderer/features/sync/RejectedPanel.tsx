import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncItem } from '@common/contract/sync.js';
import { TextField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { useSyncStore } from './sync-store.js';

const MIN_REASON = 5;

/**
 * A change central rejected: once its cause is fixed it is sent again as a new change, or it is dismissed
 * with a reason (both recorded in the audit trail); either way it leaves the counts of problems.
 */
export function RejectedPanel({ item }: { item: SyncItem }) {
  const { t } = useTranslation();
  const retry = useSyncStore((s) => s.retry);
  const dismiss = useSyncStore((s) => s.dismiss);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const short = reason.trim().length < MIN_REASON;

  const run = async (act: () => ReturnType<typeof retry>): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await act();
    setBusy(false);
    if (!result.ok) setError(describeError(t, result.error));
  };

  return (
    <div className="sync-rejected" role="group" aria-label={t('sync.rejected.title')}>
      <p className="muted">{t('sync.rejected.explain')}</p>
      <TextField
        label={t('sync.rejected.reason')}
        value={reason}
        onValue={setReason}
        maxLength={500}
        problems={tried && short ? ['reasonShort'] : undefined}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="form-actions">
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void run(() => retry(item.opId))}>
          {t('sync.rejected.retry')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => {
            setTried(true);
            if (!short) void run(() => dismiss(item.opId, reason.trim()));
          }}
        >
          {t('sync.rejected.dismiss')}
        </button>
      </div>
    </div>
  );
}
