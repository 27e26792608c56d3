import { useEffect, useLayoutEffect, useRef } from 'react';
import { HOME_ROUTE, replaceHash, routeFor, screenFor, useHash } from './lib/route.js';
import { useIdleTimer } from './lib/idle.js';
import { useShortcuts } from './lib/keyboard.js';
import { ChangePasswordScreen } from './features/session/ChangePasswordScreen.js';
import { LoadingScreen } from './shell/LoadingScreen.js';
import { LockScreen } from './features/session/LockScreen.js';
import { LoginScreen } from './features/session/LoginScreen.js';
import { SetupScreen } from './features/setup/SetupScreen.js';
import { AdminHome } from './features/admin/AdminHome.js';
import type { Role } from '@common/domain/shared/roles.js';
import { CounterHome } from './features/counter/CounterHome.js';
import { CounterFrame } from './features/counter/CounterFrame.js';
import { CaptureScreen } from './features/capture/CaptureScreen.js';
import { captureTarget } from './features/capture/route.js';
import { isSyncRoute } from './features/sync/route.js';
import { SyncScreen } from './features/sync/SyncScreen.js';
import { ApplicationsRouter } from './features/applications/ApplicationsRouter.js';
import { applicationsRoute } from './features/applications/route.js';
import { SupervisorDesk } from './features/supervisor/SupervisorDesk.js';
import { AnalyticsScreen } from './features/analytics/AnalyticsScreen.js';
import { analyticsTab } from './features/analytics/route.js';
import { EndOfDayScreen } from './features/end-of-day/EndOfDayScreen.js';
import { isEndOfDayRoute } from './features/end-of-day/route.js';
import { FloorScreen } from './features/floor/FloorScreen.js';
import { isFloorRoute } from './features/floor/route.js';
import { Shell } from './shell/Shell.js';
import { CheckInScreen } from './features/queue/CheckInScreen.js';
import { DisplayBoard, isDisplayPage } from './features/queue/DisplayBoard.js';
import { isCheckInRoute } from './features/queue/route.js';
import { LOCK_KEYS, LOGOUT_KEYS } from './shell/Header.js';
import { useAppStore } from './shell/app-store.js';
import { followEvents } from './shell/events.js';
import { useSessionStore } from './features/session/session-store.js';

/** Every page opens at its top; the lock and its unlock leave the covered page where it was. */
function useTopOnNavigation(hash: string): void {
  const last = useRef(hash);
  useLayoutEffect(() => {
    const from = last.current;
    last.current = hash;
    if (from !== hash && from !== '#/locked' && hash !== '#/locked') window.scrollTo(0, 0);
  }, [hash]);
}

function Home() {
  const role = useSessionStore((s) => s.session?.role);
  const hash = useHash();
  useTopOnNavigation(hash);
  const screen = <HomeScreen hash={hash} role={role} />;
  // At a counter the queue keys and the ticket's steps follow the officer from screen to screen.
  return role === 'officer' ? <CounterFrame atHome={hash === HOME_ROUTE.officer}>{screen}</CounterFrame> : screen;
}

function HomeScreen({ hash, role }: { hash: string; role: Role | undefined }) {
  if (role === 'reception') return <CheckInScreen />;
  if (isSyncRoute(hash)) return <SyncScreen />;
  if (isCheckInRoute(hash)) return <CheckInScreen />;
  const applicationId = captureTarget(hash);
  if (applicationId) return <CaptureScreen key={applicationId} applicationId={applicationId} />;
  const applications = applicationsRoute(hash);
  if (applications) return <ApplicationsRouter route={applications} />;
  const analytics = role === 'supervisor' ? analyticsTab(hash) : null;
  if (analytics) return <AnalyticsScreen tab={analytics} />;
  if (isEndOfDayRoute(hash, role)) return <EndOfDayScreen />;
  if (isFloorRoute(hash, role)) return <FloorScreen />;
  if (role === 'admin') return <AdminHome />;
  if (role === 'supervisor') return <SupervisorDesk />;
  return <CounterHome />;
}

/**
 * Which screen shows is decided by the stores alone (app status, session); the hash follows. While
 * the screen is locked the home stays mounted but hidden, so nothing typed is lost.
 */
export function App() {
  const status = useAppStore((s) => s.status);
  const load = useAppStore((s) => s.load);
  const session = useSessionStore((s) => s.session);
  const { lock, logout } = useSessionStore.getState();
  const hash = useHash();
  const screen = screenFor(status, session);

  useEffect(() => {
    void load();
    return followEvents();
  }, [load]);

  // The page a lock covers, so the unlock returns to it rather than to the home page.
  const covered = useRef<string | null>(null);
  useEffect(() => {
    if (screen === 'home' && hash !== '#/locked') covered.current = hash;
    if (screen === 'login' || screen === 'setup') covered.current = null;
    const route = routeFor(screen, session?.role, hash, covered.current);
    if (route && route !== hash) replaceHash(route);
  }, [screen, session?.role, hash]);

  const active = screen === 'home' || screen === 'changePassword';
  useIdleTimer(active, status?.idleLockMinutes ?? 0, () => void (screen === 'home' ? lock() : logout()));
  useShortcuts([
    { keys: LOCK_KEYS, run: () => void lock(), enabled: screen === 'home' },
    { keys: LOGOUT_KEYS, run: () => void logout(), enabled: active },
  ]);

  // The waiting-room board needs no session: it only shows what the room may see.
  if (isDisplayPage()) return <DisplayBoard />;
  const mounted = session && !session.mustChangePassword && (screen === 'home' || screen === 'locked');
  return (
    <Shell>
      {screen === 'loading' && <LoadingScreen />}
      {screen === 'setup' && <SetupScreen />}
      {screen === 'login' && <LoginScreen />}
      {screen === 'changePassword' && <ChangePasswordScreen />}
      {screen === 'locked' && <LockScreen />}
      {mounted && (
        <div hidden={screen === 'locked'} className="home-frame" data-home={HOME_ROUTE[session.role]}>
          <Home />
        </div>
      )}
    </Shell>
  );
}
