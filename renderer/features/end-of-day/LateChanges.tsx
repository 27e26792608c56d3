import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@common/contract/schemas.js';
import type { TimeZone } from '@common/domain/shared/offices.js';
import { TextField } from '@renderer/components/Field.js';
import { formatMoment } from '@renderer/lib/time.js';
import { useEndOfDayStore, type EndOfDayReport } from './end-of-day-store.js';

type Late = EndOfDayReport['lateChanges'][number];

/** One held change: accept it (the password again: the day is signed again) or return it with a reason. */
function Decide({ item }: { item: Late }) {
  const { t } = useTranslation();
  const { busy, acceptLate, returnLate } = useEndOfDayStore();
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  return (
    <div className="late-decide">
      <TextField label={t('endOfDay.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} />
      <button
        type="button"
        className="btn btn--small"
        disabled={busy || password === ''}
        onClick={() => void acceptLate(item.opId, password)}
      >
        {t('endOfDay.late.accept')}
      </button>
      <TextField label={t('endOfDay.late.returnReason')} value={reason} onValue={setReason} maxLength={500} />
      <button
        type="button"
        className="btn btn--small"
        disabled={busy || reason.trim().length < 3}
        onClick={() => void returnLate(item.opId, reason.trim())}
      >
        {t('endOfDay.late.return')}
      </button>
    </div>
  );
}

/** Changes that reached central after the day was signed off, and earlier sign-offs of the day. */
export function LateChanges({ report, canDecide }: { report: EndOfDayReport; canDecide: boolean }) {
  const { t, i18n } = useTranslation();
  if (report.lateChanges.length === 0 && report.earlierSignoffs.length === 0) return null;
  const when = (ms: number) => formatMoment(ms, report.generatedAt, report.tz as TimeZone, i18n.language as Language);
  const title = t('endOfDay.late.title');
  return (
    <>
      {report.lateChanges.length > 0 && (
        <table className="table" aria-label={title}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('endOfDay.office.desk')}</th>
              <th scope="col">{t('endOfDay.late.change')}</th>
              <th scope="col">{t('endOfDay.late.made')}</th>
              <th scope="col">{t('endOfDay.late.status')}</th>
            </tr>
          </thead>
          <tbody>
            {report.lateChanges.map((l) => (
              <tr key={l.opId}>
                <th scope="row">{l.workstation}</th>
                <td>
                  {t(`audit.actions.${l.op.replaceAll('.', '_')}`, { defaultValue: l.op })} {String(l.summary.number ?? l.entityId)}
                  {l.actor ? ` (${l.actor})` : ''}
                </td>
                <td>{when(l.createdAt)}</td>
                <td>
                  {t(`endOfDay.late.statuses.${l.status}`)}
                  {l.decidedBy ? ` — ${l.decidedBy}` : ''}
                  {l.note ? `: ${l.note}` : ''}
                  {canDecide && l.status === 'held' && <Decide item={l} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.earlierSignoffs.length > 0 && (
        <ul aria-label={t('endOfDay.late.earlier')}>
          {report.earlierSignoffs.map((e) => (
            <li key={e.n}>
              {t('endOfDay.late.earlierItem', { n: e.n, by: e.signedBy, at: when(e.signedAt), hash: e.reportHash.slice(0, 16) })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
