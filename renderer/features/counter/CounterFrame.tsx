// Every counter screen sits in this frame: the queue keys work on all of them, and away from the counter
// home a strip keeps the ticket at the counter, its step bar and its keys in view, so the queue and the
// application screens are one flow.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { useQueueStore } from '../queue/queue-store.js';
import { QUEUE_KEYS } from '../queue/keys.js';
import { QueueError } from '../queue/parts.js';
import { MovedNotice, TransferForm } from '../queue/TransferForm.js';
import { useApplicationsStore } from '../applications/applications-store.js';
import { CounterKeysContext, useCounterKeys, type CounterKeys } from './counter-keys.js';
import { StepBar } from './StepBar.js';
import { useVisitStore, visitApplication } from './visit-store.js';
import './counter.css';

export function CounterFrame({ atHome, children }: { atHome: boolean; children: ReactNode }) {
  const keys = useCounterKeys();
  const load = useQueueStore((s) => s.load);
  const followPending = useQueueStore((s) => s.followPending);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => followPending(), [followPending]);
  // The open application's every answer keeps the visit's steps current.
  const current = useApplicationsStore((s) => s.current);
  const hasTicket = useQueueStore((s) => s.ticket !== null);
  const see = useVisitStore((s) => s.see);
  useEffect(() => {
    if (current) see(visitApplication(current));
  }, [current, see]);
  return (
    <CounterKeysContext.Provider value={keys}>
      {/* Away from the home, and only while a ticket is here: without one the home's F1 is all there is to say. */}
      {!atHome && hasTicket && <CounterStrip keys={keys} />}
      {keys.confirming && <FinishConfirm keys={keys} />}
      {children}
    </CounterKeysContext.Provider>
  );
}

function CounterStrip({ keys }: { keys: CounterKeys }) {
  const { t } = useTranslation();
  const { ticket, busy, error, transferring, mode } = useQueueStore();
  const application = useVisitStore((s) => s.application);
  return (
    <section className="counter-strip" aria-label={t('counterFlow.strip')} data-testid="counter-strip">
      <div className="counter-strip__ticket">
        {ticket && (
          <button type="button" className="counter-strip__number" onClick={keys.openVisit ?? undefined} data-testid="strip-ticket">
            {ticket.number}
          </button>
        )}
        <span className="counter-strip__status" title={application?.number}>
          {ticket && t(`queue.status.${ticket.status}`)}
          {ticket && ticket.callCount > 1 ? ` · ${t('queue.counter.calls', { n: ticket.callCount })}` : ''}
          {mode === 'local' && (
            <>
              {' · '}
              <strong className="counter-strip__local">{t('counterFlow.local')}</strong>
            </>
          )}
        </span>
      </div>
      {ticket && <StepBar onFinish={keys.actions.F5.run} />}
      <ul className="counter-strip__keys">
        {QUEUE_KEYS.map((key) => (
          <li key={key}>
            <button
              type="button"
              className="btn btn--small"
              disabled={!keys.actions[key].enabled || busy}
              onClick={keys.actions[key].run}
              data-key={key}
              title={keys.actions[key].label}
            >
              <kbd>{key}</kbd> <span className="counter-strip__label">{keys.actions[key].label}</span>
            </button>
          </li>
        ))}
      </ul>
      {(transferring || error) && (
        <div className="counter-strip__more">
          {transferring && <TransferForm onConfirm={keys.transferTo} />}
          <QueueError error={error} />
        </div>
      )}
      <MovedNotice />
    </section>
  );
}

/** F5 on a service whose application is still mid-way: a second look, Enter (or F5 again) to finish, Esc to go on. */
function FinishConfirm({ keys }: { keys: CounterKeys }) {
  const { t } = useTranslation();
  const ticket = useQueueStore((s) => s.ticket);
  const application = useVisitStore((s) => s.application);
  useShortcuts([{ keys: 'Escape', run: keys.cancelFinish }]);
  const text = application
    ? t('counterFlow.confirm.midway', {
        ticket: ticket?.number ?? '',
        number: application.number,
        status: t(`applications.status.${application.status}`),
      })
    : t('counterFlow.confirm.noApplication', { ticket: ticket?.number ?? '' });
  return (
    <div className="finish-confirm" role="alertdialog" aria-labelledby="finish-confirm-text" aria-modal="false">
      <p id="finish-confirm-text">{text}</p>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={keys.confirmFinish} autoFocus>
          {t('counterFlow.confirm.yes')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="btn" onClick={keys.cancelFinish}>
          {t('counterFlow.confirm.no')} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
