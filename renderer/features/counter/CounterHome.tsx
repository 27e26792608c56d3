import { useTranslation } from 'react-i18next';
import { serviceName } from '@renderer/components/ServicePicker.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useSessionStore } from '../session/session-store.js';
import { CaptureLauncher } from '../capture/CaptureLauncher.js';
import { ApplicationsLauncher } from '../applications/ApplicationsLauncher.js';
import { DraftsCard } from '../applications/DraftsCard.js';
import { QueuePanel } from '../queue/QueuePanel.js';
import { checkInRoute } from '../queue/route.js';
import { useCounterKeysContext } from './counter-keys.js';

/** The officer's counter: the queue panel (F1-F6), reception check-in, the officer's services. */
export function CounterHome() {
  const { t } = useTranslation();
  const session = useSessionStore((s) => s.session);
  const counter = useAppStore((s) => s.status?.counterNumber);
  const services = useAppStore((s) => s.services);
  const keys = useCounterKeysContext();
  if (!session) return null;
  const mine = services.filter((s) => session.services.includes(s.code));

  return (
    <section className="screen screen--home" aria-labelledby="counter-title">
      <div className="page-head">
        <h1 id="counter-title">{counter != null ? t('officer.title', { n: counter }) : t('officer.titleNoCounter')}</h1>
        <p className="lead">{t('officer.greeting', { name: session.fullName })}</p>
      </div>
      {/* The queue and reception on the left, application work on the right: one 1366x768 screen. */}
      <div className="home-grid">
        <div className="stack">
          {keys && <QueuePanel keys={keys} />}
          <div className="card">
            <a className="btn" href={checkInRoute(session.role)}>
              {t('queue.checkIn.title')}
            </a>
          </div>
          <div className="card" aria-labelledby="services-title">
            <h2 id="services-title">{t('officer.servicesTitle')}</h2>
            {mine.length === 0 ? (
              <p className="muted">{t('officer.servicesNone')}</p>
            ) : (
              <ul className="service-list">
                {mine.map((s) => (
                  <li key={s.code}>
                    <span className="service-list__prefix">{s.prefix}</span>
                    {serviceName(s)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
        <div className="stack">
          <DraftsCard />
          <ApplicationsLauncher />
          <CaptureLauncher />
        </div>
      </div>
    </section>
  );
}
