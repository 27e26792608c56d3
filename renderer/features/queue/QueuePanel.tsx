// The counter's queue panel on the counter home: the ticket at the counter large, the F1-F6 buttons (the
// keys themselves work on every counter screen, see counter/counter-keys.ts), parked tickets to resume
// (Tab reaches them), what waits for central, and local mode shown plainly.
import { useTranslation } from 'react-i18next';
import { reasonWords } from '@renderer/lib/errors.js';
import { formatTime } from '@renderer/lib/time.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useQueueStore, type PendingAction } from './queue-store.js';
import { QUEUE_KEYS, type QueueKey } from './keys.js';
import { QueueError, ServiceLabel } from './parts.js';
import { MovedNotice, TransferForm } from './TransferForm.js';
import './queue.css';

export interface QueueButtons {
  actions: Record<QueueKey, { run: () => void; enabled: boolean; label: string }>;
  transferTo(serviceCode: string): void;
  /** Back to what the ticket at the counter opened (its application, its booking, the hand-over). */
  openVisit: (() => void) | null;
}

export function QueuePanel({ keys }: { keys: QueueButtons }) {
  const { t, i18n } = useTranslation();
  const { config, ticket, mode, busy, error, empty, parked, pending, resume, transferring } = useQueueStore();
  const { actions } = keys;
  const has = ticket !== null;
  const service = config?.services.find((s) => s.code === ticket?.serviceCode);
  return (
    <div className="card card--queue queue-panel" aria-labelledby="queue-title" data-mode={mode ?? ''}>
      <div className="card__head">
        <h2 id="queue-title">{t('queue.counter.title')}</h2>
        <ModeBadge />
      </div>
      <div className="queue-panel__ticket" aria-live="polite">
        {ticket ? (
          <>
            <p className="queue-panel__number" data-testid="queue-current">
              {ticket.number}
            </p>
            <p>
              {service ? <ServiceLabel service={service} lang={i18n.language} /> : ticket.serviceCode}
              {' · '}
              {t(`queue.status.${ticket.status}`)}
              {ticket.callCount > 1 ? ` · ${t('queue.counter.calls', { n: ticket.callCount })}` : ''}
            </p>
            {ticket.applicantName && <p className="muted">{ticket.applicantName}</p>}
            {keys.openVisit && (
              <button type="button" className="btn btn--link" onClick={keys.openVisit}>
                {t('counterFlow.openVisit')}
              </button>
            )}
          </>
        ) : (
          <p className="muted">{empty ? t('queue.counter.empty') : t('queue.counter.idle')}</p>
        )}
      </div>
      <MovedNotice />
      {transferring && <TransferForm onConfirm={keys.transferTo} />}
      <QueueError error={error} />
      <ul className="shortcut-list queue-panel__keys">
        {QUEUE_KEYS.map((key) => (
          <li key={key}>
            <button type="button" className="btn" disabled={!actions[key].enabled || busy} onClick={actions[key].run} data-key={key}>
              <kbd>{key}</kbd> {actions[key].label}
            </button>
          </li>
        ))}
      </ul>
      <section className="queue-panel__parked" aria-labelledby="queue-parked-title">
        <h3 id="queue-parked-title">{t('queue.counter.parkedTitle')}</h3>
        {parked.length === 0 ? (
          <p className="muted">{t('queue.counter.parkedNone')}</p>
        ) : (
          <ul data-testid="queue-parked">
            {parked.map((p) => (
              <li key={p.id}>
                {/* Resuming needs a free counter: the button says so by being disabled while a ticket is here. */}
                <button type="button" className="btn" disabled={has || busy} onClick={() => void resume(p.id)}>
                  {t('queue.counter.resume', { number: p.number })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {pending.length > 0 && <PendingActions pending={pending} />}
    </div>
  );
}

/** Whether the ticket numbers come from central's office queue or this desk's own (central away). */
export function ModeBadge() {
  const { t } = useTranslation();
  const mode = useQueueStore((s) => s.mode);
  if (mode === 'local')
    return (
      <span className="badge badge--warning" role="status">
        {t('queue.localMode')}
      </span>
    );
  return mode === 'central' ? <span className="badge badge--muted">{t('queue.centralMode')}</span> : null;
}

/** What this counter did to central's tickets while central was away: waiting to reach it, or refused there. */
function PendingActions({ pending }: { pending: readonly PendingAction[] }) {
  const { t } = useTranslation();
  // The office's clock, as the header and the paper tell it, whatever zone this computer is set to.
  const timeZone = useAppStore((st) => st.status?.office?.tz ?? 'Asia/Jakarta');
  const time = (at: number): string => formatTime(at, timeZone);
  return (
    <section className="queue-panel__pending" aria-labelledby="queue-pending-title" data-testid="queue-pending">
      <h3 id="queue-pending-title">{t('queue.counter.pendingTitle')}</h3>
      <p className="muted">{t('queue.counter.pendingHint')}</p>
      <ul>
        {pending.map((a) => {
          const values = { number: a.number, action: t(`queue.counter.pendingKind.${a.kind}`), time: time(a.at) };
          return (
            <li key={a.id} className={a.status === 'refused' ? 'queue-panel__refused' : undefined}>
              {a.status === 'refused'
                ? t('queue.counter.refusedItem', { ...values, reason: (a.reason && reasonWords(t, a.reason)) ?? a.reason ?? '' })
                : t('queue.counter.pendingItem', values)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
