// The queue keys F1-F6, wherever the officer is at the counter. F1 calls the next ticket and opens what
// belongs to it; F5 starts the service, and finishes it only after a second look when the visit's
// application is still mid-way; a repeated F5 within a second does nothing, so one bouncing press can
// never start and end a service.
import { createContext, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { counterWorkDone } from '@common/domain/applications/counter-steps.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { HOME_ROUTE, replaceHash } from '@renderer/lib/route.js';
import { useQueueStore } from '../queue/queue-store.js';
import { QUEUE_KEYS, type QueueKey } from '../queue/keys.js';
import { useSessionStore } from '../session/session-store.js';
import { detailRoute } from '../applications/route.js';
import { routeForTicket } from './ticket-route.js';
import { useVisitStore } from './visit-store.js';

/** A second F5 this soon after the first is the same press (a bounce, a double tap), not a decision. */
export const REPEAT_GUARD_MS = 1000;

/** True when this press, for this ticket, comes within the guard of the last one let through for it. */
const repeated = (() => {
  let last = { ticketId: '', at: 0 };
  return (ticketId: string): boolean => {
    const now = Date.now();
    if (last.ticketId === ticketId && now - last.at < REPEAT_GUARD_MS) return true;
    last = { ticketId, at: now };
    return false;
  };
})();

export interface KeyAction {
  run: () => void;
  enabled: boolean;
  label: string;
}

export interface CounterKeys {
  actions: Record<QueueKey, KeyAction>;
  /** F5 waits for a yes: the visit's application is not finished at the counter. */
  confirming: boolean;
  confirmFinish(): void;
  cancelFinish(): void;
  /** F4's form confirmed: the ticket goes on to another service and its visit here ends. */
  transferTo(serviceCode: string): void;
  /** Back to what the ticket at the counter opened: its application, else what its ticket opens. */
  openVisit: (() => void) | null;
}

export const CounterKeysContext = createContext<CounterKeys | null>(null);
export const useCounterKeysContext = (): CounterKeys | null => useContext(CounterKeysContext);

/** Mounted once for the counter (see CounterFrame): the keys and the buttons share these actions. */
export function useCounterKeys(): CounterKeys {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const { ticket, busy, transferring, callNext, recall, noShow, startOrFinish, park, transfer, setTransferring } = useQueueStore();
  const { visit, application, begin, end, follow } = useVisitStore();
  const [confirming, setConfirming] = useState(false);
  /** The ticket whose F5 is sitting out its guard second; another ticket's F5 is never its repeat. */
  const [guardFor, setGuardFor] = useState<string | null>(null);

  // The visit follows the ticket at the counter (a restart, a resume, a ticket central moved on).
  useEffect(() => {
    void follow(ticket && ['called', 'serving'].includes(ticket.status) ? ticket : null);
  }, [ticket, follow]);
  useEffect(() => {
    if (!guardFor) return;
    const timer = setTimeout(() => setGuardFor(null), REPEAT_GUARD_MS);
    return () => clearTimeout(timer);
  }, [guardFor]);
  const guarding = guardFor !== null && guardFor === ticket?.id;

  const has = ticket !== null;
  const called = ticket?.status === 'called';
  const serving = ticket?.status === 'serving';
  // A ticket that leaves the counter for good ends its visit; the officer is back at the counter's home.
  const closing = async (action: () => Promise<void>): Promise<void> => {
    await action();
    if (useQueueStore.getState().error) return;
    end();
    setConfirming(false);
    replaceHash(HOME_ROUTE[role]);
  };
  const call = async (): Promise<void> => {
    await callNext();
    const next = useQueueStore.getState().ticket;
    if (!next || next.status !== 'called') return;
    begin(next);
    replaceHash(routeForTicket(next, role));
  };
  const finish = (): void => void closing(() => startOrFinish());
  const f5 = (): void => {
    if (!ticket || repeated(ticket.id)) return;
    setGuardFor(ticket.id);
    if (!serving) return void startOrFinish();
    const done = application !== null && visit?.applicationId === application.id && counterWorkDone(application.status);
    if (done || confirming) return finish();
    setConfirming(true);
  };

  const actions: Record<QueueKey, KeyAction> = {
    F1: { run: () => void call(), enabled: !has, label: t('queue.counter.callNext') },
    F2: { run: () => void recall(), enabled: called, label: t('queue.counter.recall') },
    F3: { run: () => void closing(noShow), enabled: called, label: t('queue.counter.noShow') },
    F4: { run: () => setTransferring(true), enabled: has, label: t('queue.counter.transfer') },
    F5: { run: f5, enabled: has && !guarding, label: serving ? t('queue.counter.finish') : t('queue.counter.start') },
    F6: {
      // A parked ticket keeps its visit: resuming it brings its application back.
      run: () => void park().then(() => useQueueStore.getState().error === null && replaceHash(HOME_ROUTE[role])),
      enabled: has,
      label: t('queue.counter.park'),
    },
  };
  useShortcuts(
    QUEUE_KEYS.map((keys) => ({
      keys,
      // F5 keeps listening through its guard second, so the repeated press is swallowed rather than passed on.
      run: actions[keys].run,
      enabled: (actions[keys].enabled || (keys === 'F5' && has)) && !busy && !transferring,
    })),
  );
  return {
    actions,
    confirming,
    confirmFinish: finish,
    cancelFinish: () => setConfirming(false),
    transferTo: (serviceCode) => void closing(() => transfer(serviceCode)),
    openVisit: ticket
      ? () => replaceHash(visit?.applicationId ? detailRoute(role, visit.applicationId) : routeForTicket(ticket, role))
      : null,
  };
}
