import { useTranslation } from 'react-i18next';
import type { Language } from '@common/contract/schemas.js';
import type { TimeZone } from '@common/domain/shared/offices.js';
import { formatMoment } from '@renderer/lib/time.js';
import type { EndOfDayReport } from './end-of-day-store.js';

/** Every desk of the office as central knows it: who still holds unsent changes before the day can close. */
export function OfficeDesks({ report }: { report: EndOfDayReport }) {
  const { t, i18n } = useTranslation();
  const { office } = report;
  if (office.status !== 'checked') return <p className="muted">{t(`endOfDay.office.${office.status}`)}</p>;
  const when = (ms: number | null) =>
    ms === null ? '—' : formatMoment(ms, report.generatedAt, report.tz as TimeZone, i18n.language as Language);
  const title = t('endOfDay.office.title');
  return (
    <table className="table" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('endOfDay.office.desk')}</th>
          <th scope="col">{t('endOfDay.office.lastSeen')}</th>
          <th scope="col">{t('endOfDay.office.pending')}</th>
          <th scope="col">{t('endOfDay.office.conflicts')}</th>
          <th scope="col">{t('endOfDay.office.rejected')}</th>
        </tr>
      </thead>
      <tbody>
        {office.workstations.map((w) => (
          <tr key={w.id} className={!w.self && (w.pending > 0 || w.conflicts > 0 || w.unreported) ? 'is-behind' : undefined}>
            <th scope="row">
              {w.self ? t('endOfDay.office.thisDesk', { name: w.name }) : w.name}
              {!w.self && w.unreported && <span className="badge badge--danger">{t('endOfDay.office.unreported')}</span>}
            </th>
            <td>{when(w.lastSeenAt)}</td>
            <td>{w.pending}</td>
            <td>{w.conflicts}</td>
            <td>{w.rejected}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
