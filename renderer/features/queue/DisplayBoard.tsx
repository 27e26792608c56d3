// The waiting-room board (the web host's /display page; a second window in Electron): the ticket
// being called, large; recent calls; waiting counts and estimated waits per service; office and
// clock. Updates arrive as 'queue.changed' events; each new call (or recall) is announced.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardView } from '@common/contract/queue/central.js';
import type { QueueMode } from '@common/contract/queue/queue.js';
import type { TimeZone } from '@common/domain/shared/offices.js';
import { call, subscribe } from '@renderer/api/client.js';
import { Clock } from '@renderer/components/Clock.js';
import { announce, type Announced } from './announce.js';
import { onSoundState, soundState, startSound, type SoundState } from './sound.js';
import { minutes } from './parts.js';
import './queue.css';

type Board = BoardView & { mode: QueueMode };

/** The web host's /display page, index.html?display, or index.html#/display (Electron's board window). */
export const isDisplayPage = (): boolean =>
  window.location.pathname.replace(/\/+$/, '') === '/display' ||
  new URLSearchParams(window.location.search).has('display') ||
  window.location.hash === '#/display';

export function DisplayBoard() {
  const { t } = useTranslation();
  const [board, setBoard] = useState<Board | null>(null);
  const [said, setSaid] = useState<Announced | null>(null);
  const lastCall = useRef<string | null>(null);
  const [sound, setSound] = useState<SoundState>(soundState);

  // Sound is tried at once, so a board the browser keeps silent says so before the first call.
  useEffect(() => {
    const off = onSoundState(setSound);
    void startSound();
    return off;
  }, []);
  // While it is held back, any key press or click on the board (a remote, a keyboard) turns it on.
  useEffect(() => {
    if (sound !== 'blocked') return;
    const turnOn = (): void => void startSound();
    window.addEventListener('keydown', turnOn);
    window.addEventListener('pointerdown', turnOn);
    return () => {
      window.removeEventListener('keydown', turnOn);
      window.removeEventListener('pointerdown', turnOn);
    };
  }, [sound]);

  useEffect(() => {
    let alive = true;
    const show = (b: Board) => {
      if (!alive) return;
      setBoard(b);
      const key = b.current ? `${b.current.ticketId}:${b.current.callCount}` : null;
      // The first board only sets the baseline: nothing is announced on page load.
      if (lastCall.current !== null && key && key !== lastCall.current && b.current) {
        void announce(b.current.number, b.current.counterNumber).then((a) => alive && setSaid(a));
      }
      lastCall.current = key ?? '';
    };
    const off = subscribe('queue.changed', show);
    void call('queue.board', {}).then((r) => r.ok && show(r.value));
    return () => {
      alive = false;
      off();
    };
  }, []);

  if (!board) return <main className="board" aria-busy="true" />;
  return (
    <main className="board" data-announced={said?.text ?? ''} data-spoken={said ? String(said.spoken) : ''} data-sound={sound}>
      <header className="board__head">
        <strong>{board.officeName}</strong>
        {sound === 'blocked' && (
          <button type="button" className="board__sound" data-testid="board-sound" onClick={() => void startSound()}>
            {t('queue.board.soundOff')}
          </button>
        )}
        {board.mode === 'local' && <span className="board__local">{t('queue.localMode')}</span>}
        <Clock tz={board.timeZone as TimeZone} />
      </header>
      <div className="board__main">
        <section className="board__current" aria-live="assertive" aria-label={t('queue.board.now')}>
          {board.current ? (
            <>
              <p className="board__number" data-testid="board-current">
                {board.current.number}
              </p>
              <p className="board__counter">{t('queue.board.toCounter', { n: board.current.counterNumber })}</p>
            </>
          ) : (
            <p className="board__counter">{t('queue.board.none')}</p>
          )}
        </section>
        <section aria-label={t('queue.board.recent')}>
          <h2>{t('queue.board.recent')}</h2>
          <ul className="board__recent">
            {board.recent.map((c) => (
              <li key={`${c.ticketId}:${c.callCount}`}>
                <span>{c.number}</span>
                <span>{t('queue.board.counterShort', { n: c.counterNumber })}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <footer className="board__services">
        {board.services.map((s) => (
          <div key={s.serviceCode} className="board__service" data-service={s.serviceCode}>
            <strong>
              {s.prefix} · {s.nameId}
            </strong>
            <div>{t('queue.board.waiting', { n: s.waiting })}</div>
            <div>{t('queue.board.wait', { n: minutes(s.estimatedWaitMs) })}</div>
          </div>
        ))}
      </footer>
    </main>
  );
}
