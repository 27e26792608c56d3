import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../stores/session-store.js';
import { AuditChain } from './AuditChain.js';
import { AuditTrail } from './AuditTrail.js';
import { ApplicationsLauncher } from '../applications/ApplicationsLauncher.js';
import { AnalyticsLauncher } from './analytics/AnalyticsLauncher.js';
import { EndOfDayLauncher } from './end-of-day/EndOfDayLauncher.js';

/** The supervisor's desk: the live floor (to come), the audit chain status and the recent trail. */
export function SupervisorDesk() {
  const { t } = useTranslation();
  const name = useSessionStore((s) => s.session?.fullName ?? '');
  return (
    <section className="screen screen--home" aria-labelledby="desk-title">
      <div className="page-head">
        <h1 id="desk-title">{t('supervisor.title')}</h1>
        <p className="lead">{t('officer.greeting', { name })}</p>
      </div>
      <div className="home-grid">
        <div className="card card--queue" aria-labelledby="floor-title">
          <div className="card__head">
            <h2 id="floor-title">{t('supervisor.floorTitle')}</h2>
            <span className="badge badge--muted">{t('officer.queueSoon')}</span>
          </div>
          <div className="placeholder">
            <p>{t('supervisor.floorPlaceholder')}</p>
          </div>
        </div>
        <AuditChain />
        <ApplicationsLauncher />
        <AnalyticsLauncher />
        <EndOfDayLauncher />
      </div>
      <AuditTrail />
    </section>
  );
}
