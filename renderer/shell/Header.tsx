import { useTranslation } from 'react-i18next';
import { Clock } from '../components/Clock.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useAppStore } from './app-store.js';
import { useSessionStore } from '../features/session/session-store.js';

export const LOCK_KEYS = 'Ctrl+L';
export const LOGOUT_KEYS = 'Ctrl+Shift+L';

/** Office, workstation and counter, the office clock, who is signed in, language, lock and logout. */
export function Header() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.status);
  const session = useSessionStore((s) => s.session);
  const lock = useSessionStore((s) => s.lock);
  const logout = useSessionStore((s) => s.logout);
  const office = status?.office;
  const canAct = session !== null && !session.locked;
  const canLock = canAct && session?.mustChangePassword === false;
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__mark" aria-hidden="true">
          L
        </span>
        <div>
          <p className="app-header__office">{office?.name ?? t('app.name')}</p>
          <p className="app-header__place">
            {office ? `${office.city}` : t('app.tagline')}
            {status?.workstationName && ` · ${t('header.workstation', { name: status.workstationName })}`}
            {status?.counterNumber != null && ` · ${t('header.counter', { n: status.counterNumber })}`}
          </p>
        </div>
      </div>
      {office && <Clock tz={office.tz} />}
      <div className="app-header__actions">
        {session && (
          <div className="app-header__user" aria-label={t('header.user')}>
            <span className="app-header__name">{session.fullName}</span>
            <span className="app-header__role">
              {t(`roles.${session.role}`)} · {session.username}
            </span>
          </div>
        )}
        <LanguageSwitch compact />
        {canLock && (
          <button type="button" className="btn btn--header" onClick={() => void lock()} aria-keyshortcuts="Control+L" title={LOCK_KEYS}>
            {t('header.lock')} <kbd>{LOCK_KEYS}</kbd>
          </button>
        )}
        {canAct && (
          <>
            <button
              type="button"
              className="btn btn--header"
              onClick={() => void logout()}
              aria-keyshortcuts="Control+Shift+L"
              title={LOGOUT_KEYS}
            >
              {t('header.logout')} <kbd>{LOGOUT_KEYS}</kbd>
            </button>
          </>
        )}
      </div>
    </header>
  );
}
