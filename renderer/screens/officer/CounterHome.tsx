import { useTranslation } from 'react-i18next';
import { serviceName } from '../../components/ServicePicker.js';
import { useAppStore } from '../../stores/app-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { CaptureLauncher } from '../capture/CaptureLauncher.js';
import { ApplicationsLauncher } from '../applications/ApplicationsLauncher.js';

const SHORTCUTS = ['F1', 'F2', 'F3', 'F4', 'F5'] as const;

/** The officer's counter: the queue panel (filled by the queue issue), shortcuts, the officer's services. */
export function CounterHome() {
  const { t } = useTranslation();
  const session = useSessionStore((s) => s.session);
  const counter = useAppStore((s) => s.status?.counterNumber);
  const services = useAppStore((s) => s.services);
  if (!session) return null;
  const mine = services.filter((s) => session.services.includes(s.code));

  return (
    <section className="screen screen--home" aria-labelledby="counter-title">
      <div className="page-head">
        <h1 id="counter-title">{counter != null ? t('officer.title', { n: counter }) : t('officer.titleNoCounter')}</h1>
        <p className="lead">{t('officer.greeting', { name: session.fullName })}</p>
      </div>
      <div className="home-grid">
        <div className="card card--queue" aria-labelledby="queue-title">
          <div className="card__head">
            <h2 id="queue-title">{t('officer.queueTitle')}</h2>
            <span className="badge badge--muted">{t('officer.queueSoon')}</span>
          </div>
          <div className="placeholder">
            <p className="placeholder__ticket" aria-hidden="true">
              — — —
            </p>
            <p>{t('officer.queuePlaceholder')}</p>
          </div>
        </div>
        <div className="stack">
          <ApplicationsLauncher />
          <CaptureLauncher />
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
          <div className="card" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">{t('officer.shortcutsTitle')}</h2>
            <ul className="shortcut-list" aria-describedby="shortcuts-note">
              {SHORTCUTS.map((key) => (
                <li key={key} className="shortcut-list__item" aria-disabled="true">
                  <kbd>{key}</kbd>
                  <span>{t(`officer.shortcuts.${key}`)}</span>
                </li>
              ))}
            </ul>
            <p className="muted" id="shortcuts-note">
              {t('officer.shortcutsNote')}
            </p>
          </div>
        </div>
      </div>
    </section>
  );
}
