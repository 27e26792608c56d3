// What the waiting room's board says about each service, beside the check-in: how many wait and about how
// long, so reception can tell the applicant at the desk. Read from the public board, kept current by the
// queue's change events like the board itself.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardView } from '@common/contract/queue/central.js';
import { call, subscribe } from '@renderer/api/client.js';
import { ServiceLabel, minutes } from './parts.js';

export function WaitingNow() {
  const { t, i18n } = useTranslation();
  const [services, setServices] = useState<BoardView['services'] | null>(null);

  useEffect(() => {
    let alive = true;
    const show = (b: BoardView) => alive && setServices(b.services);
    const off = subscribe('queue.changed', show);
    void call('queue.board', {}).then((r) => r.ok && show(r.value));
    return () => {
      alive = false;
      off();
    };
  }, []);

  if (!services) return null;
  return (
    <section className="card checkin__waiting" aria-labelledby="checkin-waiting-title">
      <h2 id="checkin-waiting-title">{t('queue.checkIn.waitingNow')}</h2>
      <ul className="service-list">
        {services.map((s) => (
          <li key={s.serviceCode} data-service={s.serviceCode}>
            <ServiceLabel service={s} lang={i18n.language} />
            <span className="checkin__waiting-count">
              {t('queue.board.waiting', { n: s.waiting })} · {t('queue.board.wait', { n: minutes(s.estimatedWaitMs) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
