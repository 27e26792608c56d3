import { useTranslation } from 'react-i18next';
import type { FloorData } from './floor-store.js';
import { clockText, percent, waitText } from './format.js';

function Tile({ id, label, value, note }: { id: string; label: string; value: string; note?: string }) {
  return (
    <div className="floor-tile" data-testid={`floor-${id}`}>
      <p className="floor-tile__label">{label}</p>
      <p className="floor-tile__value">{value}</p>
      {note && <p className="floor-tile__note muted">{note}</p>}
    </div>
  );
}

/** The office at a glance: waiting, waits, service level and no-shows. */
export function FloorTiles({ view }: { view: FloorData }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="floor-tiles" aria-label={t('floor.summary')}>
      <Tile id="waiting" label={t('floor.waiting')} value={String(view.waitingTotal)} />
      <Tile id="longest" label={t('floor.longest')} value={waitText(t, view.longestWaitMs)} />
      <Tile
        id="average"
        label={t('floor.average')}
        value={waitText(t, view.averageWaitLastHourMs)}
        note={t('floor.calledLastHour', { count: view.calledLastHour })}
      />
      <Tile
        id="service-level"
        label={t('floor.serviceLevel', { minutes: view.targetMinutes })}
        value={percent(i18n.language, view.serviceLevel)}
        note={t('floor.calledToday', { count: view.calledToday })}
      />
      <Tile
        id="no-show"
        label={t('floor.noShowRate')}
        value={percent(i18n.language, view.noShowRate)}
        note={t('floor.noShows', { count: view.noShows, closed: view.closedToday })}
      />
    </div>
  );
}

export function ServicesTable({ view }: { view: FloorData }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="table" aria-label={t('floor.services')}>
      <caption>{t('floor.services')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('floor.service')}</th>
          <th scope="col">{t('floor.waiting')}</th>
          <th scope="col">{t('floor.longest')}</th>
        </tr>
      </thead>
      <tbody>
        {view.services.map((s) => (
          <tr key={s.serviceCode} data-service={s.serviceCode}>
            <th scope="row">
              {s.prefix} · {i18n.language === 'en' ? s.nameEn : s.nameId}
            </th>
            <td>{s.waiting}</td>
            <td>{waitText(t, s.longestWaitMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CountersTable({ view }: { view: FloorData }) {
  const { t } = useTranslation();
  return (
    <table className="table" aria-label={t('floor.counters')}>
      <caption>{t('floor.counters')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('floor.counter')}</th>
          <th scope="col">{t('floor.doing')}</th>
          <th scope="col">{t('floor.since')}</th>
        </tr>
      </thead>
      <tbody>
        {view.counters.length === 0 && (
          <tr>
            <td colSpan={3} className="muted">
              {t('floor.noCounters')}
            </td>
          </tr>
        )}
        {view.counters.map((c) => (
          <tr key={c.counterId} data-counter={c.number}>
            <th scope="row">{c.name}</th>
            <td>
              {c.ticket ? (
                t(`floor.status.${c.ticket.status}`, { number: c.ticket.number })
              ) : (
                <span className="muted">{t('floor.idle')}</span>
              )}
            </td>
            <td>{c.ticket ? clockText(c.ticket.since, view.timeZone) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
