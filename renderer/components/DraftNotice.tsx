import { useTranslation } from 'react-i18next';
import type { DraftState } from '@renderer/lib/drafts.js';
import { formatDateTime } from '@renderer/lib/time.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { Notice } from './Notice.js';

/** Says that a form came back with what was typed before (a lock, a restart) and offers to start afresh. */
export function DraftNotice({ draft, onDiscard }: { draft: DraftState; onDiscard: () => void }) {
  const { t, i18n } = useTranslation();
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');
  if (draft.restoredAt === null) return null;
  const at = formatDateTime(draft.restoredAt, tz, i18n.language === 'en' ? 'en' : 'id');
  return (
    <Notice tone="info">
      {t('drafts.restored', { at })}{' '}
      <button type="button" className="btn btn--link" onClick={onDiscard}>
        {t('drafts.discard')}
      </button>
    </Notice>
  );
}
