// The counter's queue panel, keyboard-first: F1 call next, F2 recall, F3 no-show, F4 transfer,
// F5 start / finish, F6 park. The ticket at the counter shows large; parked tickets are listed to
// resume (Tab reaches them); local mode is shown plainly.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@renderer/components/SelectField.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { reasonWords } from '@renderer/lib/errors.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useQueueStore, type PendingAction } from './queue-store.js';
import { useSessionStore } from '../session/session-store.js';
import { newRoute } from '../applications/route.js';
import { QueueError, ServiceLabel, serviceOptions } from './parts.js';
import './queue.css';

export const QUEUE_KEYS = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'] as const;

export function QueuePanel() {
  const { t, i18n } = useTranslation();
  const {
    config,
    ticket,
    mode,
    busy,
    error,
    empty,
    parked,
    pending,
    load,
    callNext,
    recall,
    noShow,
    startOrFinish,
    transfer,
    park,
    resume,
  } = useQueueStore();
  const followPending = useQueueStore((s) => s.followPending);
  const [transferring, setTransferring] = useState(false);
  const [target, setTarget] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  const role = useSessionStore((s) => s.session?.role);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => followPending(), [followPending]);
  useEffect(() => {
    if (transferring) select.current?.focus();
  }, [transferring]);

  const has = ticket !== null;
  const called = ticket?.status === 'called';
  const others = (config?.services ?? []).filter((s) => s.active && s.code !== ticket?.serviceCode);
  const actions: Record<(typeof QUEUE_KEYS)[number], { run: () => void; enabled: boolean; label: string }> = {
    F1: { run: () => void callNext(), enabled: !has, label: t('queue.counter.callNext') },
    F2: { run: () => void recall(), enabled: called, label: t('queue.counter.recall') },
    F3: { run: () => void noShow(), enabled: called, label: t('queue.counter.noShow') },
    F4: { run: () => setTransferring(true), enabled: has, label: t('queue.counter.transfer') },
    F5: {
      run: () => void startOrFinish(),
      enabled: has,
      label: ticket?.status === 'serving' ? t('queue.counter.finish') : t('queue.counter.start'),
    },
    F6: { run: () => void park(), enabled: has, label: t('queue.counter.park') },
  };
  useShortcuts(QUEUE_KEYS.map((keys) => ({ keys, run: actions[keys].run, enabled: actions[keys].enabled && !busy && !transferring })));

  const confirmTransfer = (): void => {
    if (!target) return;
    setTransferring(false);
    setTarget('');
    void transfer(target);
  };
  const service = config?.services.find((s) => s.code === ticket?.serviceCode);
  return (
    <div className="card card--queue queue-panel" aria-labelledby="queue-title" data-mode={mode ?? ''}>
      <div className="card__head">
        <h2 id="queue-title">{t('queue.counter.title')}</h2>
        {mode === 'local' ? (
          <span className="badge badge--warning" role="status">
            {t('queue.localMode')}
          </span>
        ) : mode === 'central' ? (
          <span className="badge badge--muted">{t('queue.centralMode')}</span>
        ) : null}
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
            {ticket.bookingCode && role && (
              <p>
                <a href={newRoute(role, ticket.bookingCode)}>{t('queue.counter.booking', { code: ticket.bookingCode })}</a>
              </p>
            )}
          </>
        ) : (
          <p className="muted">{empty ? t('queue.counter.empty') : t('queue.counter.idle')}</p>
        )}
      </div>
      {transferring && (
        <form
          className="queue-panel__transfer"
          onSubmit={(e) => {
            e.preventDefault();
            confirmTransfer();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setTransferring(false);
            // A closed <select> does not submit its form on Enter: the keyboard path must still work.
            if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
              e.preventDefault();
              confirmTransfer();
            }
          }}
        >
          <SelectField
            label={t('queue.counter.transferTo')}
            ref={select}
            value={target}
            onValue={setTarget}
            options={serviceOptions(others, i18n.language)}
          />
          <button type="submit" className="btn btn--primary" disabled={!target}>
            {t('queue.counter.transferConfirm')}
          </button>
        </form>
      )}
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

/** What this counter did to central's tickets while central was away: waiting to reach it, or refused there. */
function PendingActions({ pending }: { pending: readonly PendingAction[] }) {
  const { t, i18n } = useTranslation();
  // The office's clock, as the header shows it, whatever zone this computer is set to.
  const timeZone = useAppStore((st) => st.status?.office?.tz);
  const time = (at: number): string =>
    new Intl.DateTimeFormat(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    }).format(at);
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
