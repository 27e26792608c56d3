import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../session/session-store.js';
import { AuditChain } from '../audit/AuditChain.js';
import { AuditTrail } from '../audit/AuditTrail.js';
import { ApplicationsLauncher } from '../applications/ApplicationsLauncher.js';
import { AnalyticsLauncher } from '../analytics/AnalyticsLauncher.js';
import { EndOfDayLauncher } from '../end-of-day/EndOfDayLauncher.js';
import { FloorLauncher } from '../floor/FloorLauncher.js';

/** The supervisor's desk: the live floor, the audit chain status and the recent trail. */
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
        <FloorLauncher />
        <AuditChain />
        <ApplicationsLauncher />
        <AnalyticsLauncher />
        <EndOfDayLauncher />
      </div>
      <AuditTrail />
    </section>
  );
}
