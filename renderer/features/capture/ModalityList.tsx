import { useTranslation } from 'react-i18next';
import type { CaptureStatus } from '@common/contract/biometrics.js';
import { MODALITIES, type Modality } from '@common/domain/biometrics/modalities.js';

type State = CaptureStatus['modalities'][number]['state'];

const BADGE: Record<State, string> = {
  pending: 'badge--muted',
  passed: 'badge--ok',
  belowThreshold: 'badge--warning',
  accepted: 'badge--ok',
  excepted: 'badge--ok',
};

/** One row per modality (Alt+1 ... Alt+5): its state, attempts used and the best quality so far. */
export function ModalityList({
  status,
  active,
  onSelect,
}: {
  status: CaptureStatus | null;
  active: Modality;
  onSelect: (m: Modality) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="card capture-modalities" aria-label={t('capture.modalitiesTitle')}>
      <h2>{t('capture.modalitiesTitle')}</h2>
      <ol>
        {MODALITIES.map((m, i) => {
          const s = status?.modalities.find((x) => x.modality === m);
          const best = s?.best?.items.length ? Math.min(...s.best.items.map((x) => x.quality)) : null;
          return (
            <li key={m}>
              <button
                type="button"
                className="capture-modality"
                aria-current={active === m ? 'step' : undefined}
                onClick={() => onSelect(m)}
                aria-keyshortcuts={`Alt+${i + 1}`}
                data-modality={m}
              >
                <span className="capture-modality__name">
                  <kbd>Alt+{i + 1}</kbd> {t(`capture.modality.${m}`)}
                  {s && !s.required && <span className="muted"> ({t('capture.optional')})</span>}
                </span>
                {s && (
                  <span className="capture-modality__state">
                    <span className={`badge ${BADGE[s.state]}`}>{t(`capture.state.${s.state}`)}</span>
                    <span className="muted">
                      {t('capture.attempts', { used: s.attemptsUsed, max: status?.maxAttempts ?? 3 })}
                      {best !== null && ` · ${t('capture.bestQuality', { quality: Math.round(best) })}`}
                    </span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      {status && (
        <p className={status.complete ? 'capture-complete capture-complete--yes' : 'capture-complete'} data-testid="capture-complete">
          {status.complete ? t('capture.complete') : t('capture.incomplete')}
        </p>
      )}
    </nav>
  );
}
