import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncItem } from '@common/contract/sync.js';
import { RadioGroup } from '@renderer/components/Choices.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { useSyncStore, type Choice } from './sync-store.js';

type Conflict = NonNullable<SyncItem['conflict']>;

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * Both sides of a conflicting change, field by field. The officer keeps this workstation's values,
 * central's, or picks per field; main applies the choice and pushes it as a new op.
 */
export function ConflictPanel({
  item,
  conflict,
  canResolve,
  blockedText,
}: {
  item: SyncItem;
  conflict: Conflict;
  canResolve: boolean;
  /** Why it cannot be settled here (training mode; an account's conflict on a desk without its admin). */
  blockedText: string;
}) {
  const { t } = useTranslation();
  const resolve = useSyncStore((s) => s.resolve);
  const [picks, setPicks] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mixed = conflict.fields.length > 1;

  const run = async (choice: Choice, fields?: Record<string, Choice>): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await resolve(item.opId, choice, fields);
    setBusy(false);
    if (!result.ok) setError(describeError(t, result.error));
  };
  const allPicked = conflict.fields.every((f) => picks[f.field]);
  const label = t(`audit.actions.${item.op.replaceAll('.', '_')}`, { defaultValue: item.op });

  return (
    <div className="sync-conflict" role="group" aria-label={t('sync.conflict.title', { change: label })}>
      <p className="sync-conflict__title">
        <strong>{t('sync.conflict.title', { change: label })}</strong> <span className="muted">{t('sync.conflict.explain')}</span>
      </p>
      <table className="table sync-conflict__table">
        <thead>
          <tr>
            <th scope="col">{t('sync.conflict.field')}</th>
            <th scope="col">{t('sync.conflict.mine')}</th>
            <th scope="col">{t('sync.conflict.theirs')}</th>
            {mixed && <th scope="col">{t('sync.conflict.keep')}</th>}
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{t(`sync.fields.${f.field}`, { defaultValue: f.field })}</th>
              <td>{shown(f.mine)}</td>
              <td>{shown(f.theirs)}</td>
              {mixed && (
                <td className="nowrap">
                  <RadioGroup
                    legend={t(`sync.fields.${f.field}`, { defaultValue: f.field })}
                    legendHidden
                    className="sync-conflict__picks"
                    itemClass={() => 'sync-conflict__pick'}
                    choices={(['mine', 'theirs'] as const).map((side) => ({ value: side, label: t(`sync.conflict.${side}Short`) }))}
                    value={picks[f.field]}
                    onValue={(side) => setPicks({ ...picks, [f.field]: side })}
                    disabled={!canResolve || busy}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {error && <Notice tone="error">{error}</Notice>}
      {canResolve ? (
        <div className="form-actions">
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void run('mine')}>
            {t('sync.conflict.keepMine')}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void run('theirs')}>
            {t('sync.conflict.keepTheirs')}
          </button>
          {mixed && (
            <button type="button" className="btn" disabled={busy || !allPicked} onClick={() => void run('mine', picks)}>
              {t('sync.conflict.keepPicked')}
            </button>
          )}
        </div>
      ) : (
        <p className="muted">{blockedText}</p>
      )}
    </div>
  );
}
