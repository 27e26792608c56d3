import { useTranslation } from 'react-i18next';
import type { TimeZone } from '@common/domain/shared/offices.js';
import { currentLanguage } from '../i18n/index.js';
import { formatDate, formatTime } from '../lib/time.js';
import { useNow } from '../lib/use-now.js';

/** The office's wall clock (WIB, WITA or WIT), whatever zone this computer is set to. */
export function Clock({ tz }: { tz: TimeZone }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const language = currentLanguage();
  return (
    <div className="clock" role="timer" aria-label={t('header.clock')}>
      <span className="clock__time">{formatTime(now, tz, language)}</span>
      <span className="clock__date">{formatDate(now, tz, language)}</span>
    </div>
  );
}
