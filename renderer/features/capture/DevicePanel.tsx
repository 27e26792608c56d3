import { useTranslation } from 'react-i18next';
import { MODALITY_SPECS, type Modality } from '@common/domain/biometrics/modalities.js';
import { useCaptureStore } from './capture-store.js';

const TONE: Record<string, string> = {
  Ready: 'badge--ok',
  Busy: 'badge--warning',
  'Not Ready': 'badge--danger',
  'Not Registered': 'badge--danger',
};

/** The SBI devices found on this computer (127.0.0.1:4501-4600), and a rescan (Alt+R). */
export function DevicePanel({ modality }: { modality: Modality }) {
  const { t } = useTranslation();
  const { devices, scanning, scan } = useCaptureStore();
  const bioType = MODALITY_SPECS[modality].bioType;
  const serving = devices.filter((d) => d.bioType === bioType);
  return (
    <div className="card capture-devices" aria-labelledby="devices-title">
      <div className="card__head">
        <h2 id="devices-title">{t('capture.devices.title')}</h2>
        <button type="button" className="btn btn--small" onClick={() => void scan(true)} disabled={scanning} aria-keyshortcuts="Alt+R">
          {scanning ? t('capture.devices.scanning') : t('capture.devices.rescan')} <kbd>Alt+R</kbd>
        </button>
      </div>
      {devices.length === 0 ? (
        <p className="muted">{scanning ? t('capture.devices.scanning') : t('capture.devices.none')}</p>
      ) : (
        <ul className="capture-devices__list">
          {devices.map((d) => (
            <li key={d.deviceId} className={d.bioType === bioType ? 'is-current' : undefined}>
              <span className={`badge ${TONE[d.status] ?? 'badge--muted'}`}>
                {t(`capture.devices.status.${d.status.replace(' ', '_')}`)}
              </span>{' '}
              <strong>{t(`capture.devices.type.${d.bioType}`)}</strong>{' '}
              <span className="muted">{`${d.make} ${d.model} · ${d.serialNo} · :${d.port}`}</span>
            </li>
          ))}
        </ul>
      )}
      {devices.length > 0 && serving.length === 0 && (
        <p className="muted">{t('capture.devices.noneFor', { type: t(`capture.devices.type.${bioType}`) })}</p>
      )}
    </div>
  );
}
