import { useTranslation } from 'react-i18next';
import type { Language } from '@common/contract/schemas.js';
import { LANGUAGES, currentLanguage } from '../i18n/index.js';
import { useSessionStore } from '../features/session/session-store.js';

/** Indonesian / English. Remembered per officer after login, per workstation before. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const choose = useSessionStore((s) => s.chooseLanguage);
  const active = currentLanguage();
  return (
    <div className={`lang-switch${compact ? ' lang-switch--compact' : ''}`} role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((lang: Language) => (
        <button
          key={lang}
          type="button"
          className="lang-switch__option"
          aria-pressed={lang === active}
          aria-label={t(`lang.${lang}`)}
          lang={lang}
          onClick={() => void choose(lang)}
        >
          {compact ? t(`lang.short.${lang}`) : t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}
