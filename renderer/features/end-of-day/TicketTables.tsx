import { useTranslation } from 'react-i18next';
import type { EndOfDayReport } from './end-of-day-store.js';
import { serviceLabel } from './service-label.js';

type Counts = EndOfDayReport['tickets']['total'];

const COLUMNS = [
  ['issued', 'endOfDay.issued'],
  ['served', 'endOfDay.served'],
  ['noShow', 'endOfDay.noShow'],
  ['transferred', 'endOfDay.transferred'],
  ['cancelled', 'endOfDay.cancelled'],
  ['open', 'endOfDay.stillOpen'],
] as const;

function CountsTable({ title, head, rows }: { title: string; head: string; rows: Array<{ key: string; label: string; counts: Counts }> }) {
  const { t } = useTranslation();
  return (
    <table className="table" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {COLUMNS.map(([k, label]) => (
            <th key={k} scope="col">
              {t(label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {COLUMNS.map(([k]) => (
              <td key={k} className="num">
                {r.counts[k]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The office's queue tickets of the day, per service (with the total) and per officer. */
export function TicketTables({ report }: { report: EndOfDayReport }) {
  const { t, i18n } = useTranslation();
  const figures = report.tickets;
  if (figures.total.issued === 0) return <p className="muted">{t('endOfDay.noTicketsToday')}</p>;
  return (
    <>
      <CountsTable
        title={t('endOfDay.ticketsPerService')}
        head={t('endOfDay.service')}
        rows={[
          ...figures.byService.map((g) => ({ key: g.serviceCode, label: serviceLabel(report, g.serviceCode, i18n.language), counts: g })),
          { key: '\u0000total', label: t('endOfDay.total'), counts: figures.total },
        ]}
      />
      <CountsTable
        title={t('endOfDay.ticketsPerOfficer')}
        head={t('endOfDay.officer')}
        rows={figures.byOfficer.map((g) => ({
          key: g.officer ?? '\u0000nobody',
          label: g.officer === null ? t('endOfDay.notCalled') : g.name ? `${g.name} (${g.officer})` : g.officer,
          counts: g,
        }))}
      />
    </>
  );
}
