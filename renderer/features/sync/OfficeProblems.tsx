import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeZone } from '@common/domain/shared/offices.js';
import { Notice } from '@renderer/components/Notice.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { describeError } from '@renderer/lib/errors.js';
import { formatDateTime } from '@renderer/lib/time.js';
import { useSyncStore } from './sync-store.js';
import { ChangeCells, StatusBadge, reasonText } from './SyncItems.js';

/**
 * The supervisor's view of the whole office: every desk's changes central rejected or found in conflict
 * that the desk has not settled yet, as central holds them. Settling happens at the desk that made them.
 */
export function OfficeProblems({ tz }: { tz: TimeZone }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { office, officeError, loadOffice } = useSyncStore();
  useEffect(() => {
    void loadOffice();
  }, [loadOffice]);

  return (
    <div className="card card--table" aria-labelledby="sync-office-title">
      <div className="card__head">
        <h2 id="sync-office-title">{t('sync.office.title')}</h2>
        <button type="button" className="btn" onClick={() => void loadOffice()}>
          {t('sync.office.refresh')}
        </button>
      </div>
      <p className="muted">{t('sync.office.explain')}</p>
      {officeError && <Notice tone="warning">{describeError(t, officeError)}</Notice>}
      {office && office.problems.length === 0 && <p className="muted">{t('sync.office.empty')}</p>}
      {office && office.problems.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label={t('sync.office.title')}>
            <thead>
              <tr>
                <th scope="col">{t('sync.office.desk')}</th>
                <th scope="col">{t('sync.col.at')}</th>
                <th scope="col">{t('sync.col.change')}</th>
                <th scope="col">{t('sync.col.actor')}</th>
                <th scope="col">{t('sync.col.status')}</th>
                <th scope="col">{t('sync.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {office.problems.map((p) => (
                <tr key={p.opId} data-op={p.opId}>
                  <td>{p.workstationName}</td>
                  <td className="nowrap">{formatDateTime(p.at, tz, language)}</td>
                  <ChangeCells op={p.op} entity={p.entity} actor={p.actor} />
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="details">{p.reason ? reasonText(t, p.reason) : <span className="muted">{t('common.none')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {office.truncated && <p className="muted">{t('sync.office.truncated')}</p>}
        </div>
      )}
    </div>
  );
}
