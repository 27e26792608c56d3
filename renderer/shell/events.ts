// Main-process events steer the stores: this window's session locked or ended elsewhere, the
// workstation set up or switched in or out of training mode.
import { subscribe } from '../api/client.js';
import { useAppStore } from './app-store.js';
import { useSessionStore } from '../features/session/session-store.js';

export function followEvents(): () => void {
  const offSession = subscribe('session.changed', ({ sessionId, state }) => {
    const { session, markLocked, end } = useSessionStore.getState();
    if (!session || session.sessionId !== sessionId) return;
    if (state === 'locked') markLocked();
    else end({ kind: 'ended' });
  });
  const offApp = subscribe('app.changed', ({ training }) => {
    const before = useAppStore.getState().status;
    // Entering or leaving training swaps the database: every session of the other one is gone.
    if (before && before.training !== training) useSessionStore.getState().end(null);
    void useAppStore.getState().load();
  });
  return () => {
    offSession();
    offApp();
  };
}
