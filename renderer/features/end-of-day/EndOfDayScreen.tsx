import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@common/contract/result.js';
import { DateField, TextField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { describeError } from '@renderer/lib/errors.js';
import { HOME_ROUTE, replaceHash } from '@renderer/lib/route.js';
import { useEndOfDayStore, type EndOfDayReport } from './end-of-day-store.js';
import { useSessionStore } from '../session/session-store.js';
import { DiscrepancyList } from './DiscrepancyList.js';
import { serviceLabel } from './service-label.js';
import { TicketTables } from './TicketTables.js';
import { OfficeDesks } from './OfficeDesks.js';
import { LateChanges } from './LateChanges.js';
import { formatRupiah as rupiah } from '@common/domain/applications/fees.js';
import { saveBlob } from '@renderer/lib/download.js';

const OWN_CODES = ['eod.unresolved', 'eod.unsynced', 'eod.officeUnsynced', 'eod.officeUnknown', 'day.closed', 'day.notClosed'];

/** Our own refusals say what to do next; anything else gets the shared wording. */
function useErrorText(error: ErrorBody | null): string | null {
  const { t } = useTranslation();
  if (!error) return null;
  const code = (error.details as { code?: string } | undefined)?.code;
  return code && OWN_CODES.includes(code) ? t(`endOfDay.errors.${code}`) : describeError(t, error);
}

type Group = EndOfDayReport['byService'][number];

function Groups({ title, groups, labelOf = (g) => g.label }: { title: string; groups: Group[]; labelOf?: (g: Group) => string }) {
  const { t } = useTranslation();
  return (
    <table className="table" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th />
          <th>{t('endOfDay.applications')}</th>
          <th>{t('endOfDay.byStatus')}</th>
          <th>{t('endOfDay.expected')}</th>
          <th>{t('endOfDay.central')}</th>
          <th>{t('endOfDay.manual')}</th>
          <th>{t('endOfDay.waived')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <th scope="row">{labelOf(g)}</th>
            <td className="num">{g.applications}</td>
            <td>
              {Object.entries(g.byStatus)
                .map(([s, n]) => `${t(`applications.status.${s}`, { defaultValue: s })} ${n}`)
                .join(', ')}
            </td>
            <td className="num">{rupiah(g.money.expected)}</td>
            <td className="num">{rupiah(g.money.central)}</td>
            <td className="num">{rupiah(g.money.manual)}</td>
            <td className="num">{rupiah(g.money.waived)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Pick a day, read its report, note each discrepancy, sign off with the password, print or export. */
export function EndOfDayScreen() {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((s) => s.session?.role);
  const { date, report, busy, error, setDate, load, note, signOff, reopen, exportFile } = useEndOfDayStore();
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [acknowledge, setAcknowledge] = useState('');
  const errorText = useErrorText(error);
  useEffect(() => {
    void load();
  }, [date, load]);
  const closed = report?.closure?.status === 'closed';
  const language = i18n.language === 'en' ? 'en' : 'id';
  const download = async (kind: 'pdf' | 'csv') => {
    const file = await exportFile(kind, language);
    if (file) saveBlob(file.fileName, file.blob);
  };
  // Signing off and reopening both ask for the password of whoever does it.
  const passwordField = (
    <TextField label={t('endOfDay.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} />
  );
  return (
    <section className="screen" aria-labelledby="eod-title">
      <div className="page-head">
        <h1 id="eod-title">{t('endOfDay.title')}</h1>
        <button type="button" className="btn btn--small" onClick={() => replaceHash(HOME_ROUTE[role ?? 'supervisor'])}>
          {t('endOfDay.back')}
        </button>
      </div>
      <DateField label={t('endOfDay.day')} className="field--date" value={date} onValue={setDate} autoFocus />
      {errorText && (
        <p className="alert alert--error" role="alert">
          {errorText}
        </p>
      )}
      {report && (
        <>
          <p role="status" className={closed ? 'badge badge--ok' : 'badge badge--muted'}>
            {closed
              ? t('endOfDay.closedBy', { name: report.closure?.closedBy ?? '' })
              : report.closure?.status === 'reopened'
                ? t('endOfDay.reopened', { reason: report.closure.reopenReason ?? '' })
                : t('endOfDay.openDay')}
          </p>
          <Groups
            title={t('endOfDay.perService')}
            groups={[...report.byService, { ...report.total, label: t('endOfDay.total') }]}
            labelOf={(g) => (g.key === report.total.key ? g.label : serviceLabel(report, g.key, i18n.language))}
          />
          <Groups title={t('endOfDay.perOfficer')} groups={report.byOfficer} />
          {report.byDesk.length > 0 && <Groups title={t('endOfDay.perDesk')} groups={report.byDesk} />}
          <h2>{t('endOfDay.discrepancies')}</h2>
          <DiscrepancyList items={report.discrepancies} editable={role === 'supervisor' && !closed} onNote={note} />
          <h2>{t('endOfDay.receipts')}</h2>
          <p>
            {t('endOfDay.receiptCounts', {
              printed: report.receipts.printed,
              reprinted: report.receipts.reprinted.length,
              voided: report.receipts.voided.length,
            })}
          </p>
          <ul>
            {[...report.receipts.reprinted, ...report.receipts.voided].map((e) => (
              <li key={`${e.applicationNumber}-${e.at}-${e.copyNo}`}>
                {e.applicationNumber} ({e.kind}, {e.copyNo}): {e.reason ?? '-'}
              </li>
            ))}
          </ul>
          <h2>{t('endOfDay.sync')}</h2>
          <p>
            {t('endOfDay.syncCounts', {
              unsynced: report.sync.unsynced,
              conflicts: report.sync.conflicts,
              rejected: report.sync.rejected.length,
            })}
          </p>
          {report.sync.capturesNotUploaded.length > 0 && (
            <>
              <p className="alert alert--warning">{t('endOfDay.capturesNotUploaded', { count: report.sync.capturesNotUploaded.length })}</p>
              <ul>
                {report.sync.capturesNotUploaded.map((c) => (
                  <li key={`${c.applicationId}-${c.modality}`}>
                    {c.applicationNumber ?? c.applicationId}: {t(`capture.modality.${c.modality}`)} ({c.images})
                  </li>
                ))}
              </ul>
            </>
          )}
          <OfficeDesks report={report} />
          {report.acknowledged && (
            <p className="alert alert--warning">
              {t('endOfDay.acknowledged', {
                names: report.acknowledged.workstations.map((w) => w.name).join(', '),
                by: report.acknowledged.by,
                reason: report.acknowledged.reason,
              })}
            </p>
          )}
          <LateChanges report={report} canDecide={role === 'supervisor'} />
          <h2>{t('endOfDay.tickets')}</h2>
          <TicketTables report={report} />
          {report.blockers
            .filter((b) => b !== 'eod.closed')
            .map((b) => (
              <p key={b} className="alert alert--warning">
                {t(`endOfDay.errors.${b}`)}
              </p>
            ))}
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => void download('pdf')}>
              {t('endOfDay.printPdf')}
            </button>
            <button type="button" className="btn" onClick={() => void download('csv')}>
              {t('endOfDay.exportCsv')}
            </button>
          </div>
          {role === 'supervisor' && !closed && (
            <form
              className="card"
              onSubmit={(e) => {
                e.preventDefault();
                void signOff(password, acknowledge.trim() || undefined).then(() => setPassword(''));
              }}
            >
              <h2>{t('endOfDay.signOff')}</h2>
              <p className="muted">{t('endOfDay.signOffHint')}</p>
              {report.blockers.includes('eod.officeUnsynced') && (
                <TextField
                  label={t('endOfDay.acknowledge')}
                  hint={t('endOfDay.acknowledgeHint')}
                  value={acknowledge}
                  onValue={setAcknowledge}
                  maxLength={500}
                />
              )}
              {passwordField}
              <FormActions submit={t('endOfDay.signOff')} busy={busy} disabled={password === ''} />
            </form>
          )}
          {role === 'admin' && closed && (
            <form
              className="card"
              onSubmit={(e) => {
                e.preventDefault();
                void reopen(reason, password).then((ok) => ok && (setPassword(''), setReason('')));
              }}
            >
              <h2>{t('endOfDay.reopen')}</h2>
              <TextField label={t('endOfDay.reason')} value={reason} onValue={setReason} maxLength={500} />
              {passwordField}
              <FormActions submit={t('endOfDay.reopen')} busy={busy} disabled={password === '' || reason.trim().length < 3} />
            </form>
          )}
          {report.closure && <p className="muted">SHA-256: {report.closure.reportHash}</p>}
        </>
      )}
    </section>
  );
}
