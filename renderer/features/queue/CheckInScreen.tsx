// Reception: check an applicant in by booking code, QR (a keyboard-wedge scanner types the code and
// Enter) or NIK, or issue a walk-in ticket with its priority group. Shows number, people ahead and the
// estimated wait; a used-up quota asks for a supervisor. Beside it, the board's waiting counts. For
// reception this screen is home: there is nowhere to go back to.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@common/contract/index.js';
import type { IssuedTicket } from '@common/contract/queue/central.js';
import type { QueueMode } from '@common/contract/queue/queue.js';
import { PRIORITY_GROUPS, type PriorityGroup } from '@common/domain/queue/order.js';
import { call } from '@renderer/api/client.js';
import { BackButton } from '@renderer/components/BackButton.js';
import { CodeField } from '@renderer/components/Field.js';
import { SelectField } from '@renderer/components/SelectField.js';
import { SupervisorOverride } from '@renderer/components/SupervisorOverride.js';
import { pdfBlob, saveBlob } from '@renderer/lib/download.js';
import { useInView } from '@renderer/lib/in-view.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { HOME_ROUTE, replaceHash } from '@renderer/lib/route.js';
import { useSessionStore } from '../session/session-store.js';
import { requestId, useQueueStore } from './queue-store.js';
import { QueueError, ServiceLabel, minutes, serviceOptions } from './parts.js';
import { isCheckInRoute } from './route.js';
import { WaitingNow } from './WaitingNow.js';
import './queue.css';
import './checkin.css';

type Request = { serviceCode?: string; bookingCode?: string; nik?: string; priorityGroup: PriorityGroup | null };

/** 16 digits is a NIK; anything else typed or scanned is a booking code. */
export const checkInRequest = (typed: string): Pick<Request, 'bookingCode' | 'nik'> => {
  const v = typed.trim();
  return /^\d{16}$/.test(v) ? { nik: v } : { bookingCode: v };
};

export function CheckInScreen() {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const home = HOME_ROUTE[role];
  // Reception's home is this screen: no way back to a counter it may not use, and Esc stays here.
  const atHome = isCheckInRoute(home);
  const back = (): void => replaceHash(home);
  useShortcuts([{ keys: 'Escape', run: back, enabled: !atHome }]);
  const config = useQueueStore((s) => s.config);
  const load = useQueueStore((s) => s.loadConfig);
  const [code, setCode] = useState('');
  const [service, setService] = useState('');
  const [group, setGroup] = useState<PriorityGroup | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [issued, setIssued] = useState<(IssuedTicket & { mode: QueueMode; ticketPdf: string }) | null>(null);
  const [pending, setPending] = useState<Request | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  if (!config) void load();

  const issue = async (req: Request, overrideToken?: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    // The last applicant's ticket goes as the next request starts: it never stands under a new refusal.
    setIssued(null);
    const r = await call('queue.issue', {
      requestId: requestId(),
      ...req,
      language: i18n.language === 'en' ? 'en' : 'id',
      ...(overrideToken ? { overrideToken } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      const needs = (r.error.details as { overrideRequired?: string } | undefined)?.overrideRequired === 'quota.exceed';
      setPending(needs ? req : null);
      setError(r.error);
      return false;
    }
    setPending(null);
    setIssued(r.value);
    setCode('');
    // The next applicant starts without the last one's priority group.
    setGroup('');
    codeInput.current?.focus({ preventScroll: true });
    return true;
  };

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) void issue({ ...checkInRequest(code), priorityGroup: null });
  };
  const submitWalkIn = (e: FormEvent) => {
    e.preventDefault();
    if (service) void issue({ serviceCode: service, priorityGroup: group || null });
  };
  const issuedService = config?.services.find((s) => s.code === issued?.ticket.serviceCode);
  const errorRef = useInView<HTMLDivElement>(error);
  const ticketRef = useInView<HTMLDivElement>(issued);

  return (
    <section className="screen checkin" aria-labelledby="checkin-title">
      <div className="page-head">
        <h1 id="checkin-title">{t('queue.checkIn.title')}</h1>
        {config?.mode === 'local' && <span className="badge badge--warning">{t('queue.localMode')}</span>}
        {!atHome && <BackButton label={t('applications.back')} onBack={back} />}
      </div>
      <div className="checkin__layout">
        <div className="checkin__forms">
          <form className="card" onSubmit={submitCode}>
            <CodeField
              label={t('queue.checkIn.codeLabel')}
              hint={t('queue.checkIn.codeHint')}
              className="checkin__code"
              ref={codeInput}
              value={code}
              onValue={setCode}
              autoFocus
              maxLength={32}
            />
            <button type="submit" className="btn btn--primary" disabled={busy || !code.trim()}>
              {t('queue.checkIn.checkIn')}
            </button>
          </form>
          <form className="card" onSubmit={submitWalkIn}>
            <h2>{t('queue.checkIn.walkIn')}</h2>
            <SelectField
              label={t('queue.checkIn.service')}
              value={service}
              onValue={setService}
              options={serviceOptions(config?.services ?? [], i18n.language)}
            />
            <SelectField<PriorityGroup | ''>
              label={t('queue.checkIn.group')}
              value={group}
              onValue={setGroup}
              options={[
                { value: '', label: t('queue.checkIn.noGroup') },
                ...PRIORITY_GROUPS.map((g) => ({ value: g, label: t(`queue.groups.${g}`) })),
              ]}
            />
            <button type="submit" className="btn btn--primary" disabled={busy || !service}>
              {t('queue.checkIn.issue')}
            </button>
          </form>
        </div>
        <div className="checkin__outcome">
          <div ref={errorRef}>
            <QueueError error={error} />
          </div>
          {pending && (
            <SupervisorOverride
              action="quota.exceed"
              submitLabel={t('queue.override.approve')}
              onGranted={(token) => issue(pending, token)}
              onCancel={() => setPending(null)}
            />
          )}
          {issued && (
            <div className="checkin__ticket" role="status" data-testid="checkin-ticket" ref={ticketRef}>
              <p className="checkin__number">{issued.ticket.number}</p>
              {issuedService && <ServiceLabel service={issuedService} lang={i18n.language} />}
              {issued.ticket.applicantName && <p>{issued.ticket.applicantName}</p>}
              <p>{t('queue.checkIn.ahead', { n: issued.ahead })}</p>
              <p>{t('queue.checkIn.wait', { n: minutes(issued.estimatedWaitMs) })}</p>
              <button
                type="button"
                className="btn"
                onClick={() => saveBlob(`antrean-${issued.ticket.number}.pdf`, pdfBlob(issued.ticketPdf))}
              >
                {t('queue.print')}
              </button>
            </div>
          )}
          <WaitingNow />
        </div>
      </div>
    </section>
  );
}
