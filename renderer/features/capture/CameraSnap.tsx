import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '@renderer/components/Notice.js';
import { still, type Still } from './image.js';

type CameraState = 'off' | 'starting' | 'on' | 'denied' | 'absent';

/**
 * The workstation camera (video only). Electron grants it to the capture window alone, so elsewhere
 * the request is refused and the officer is told where to go instead. The guide shows the passport crop.
 */
export function CameraSnap({
  crop,
  onSnap,
  snapLabel,
  disabled,
}: {
  crop: boolean;
  onSnap: (picture: Still) => void;
  snapLabel: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>('off');

  const stop = (): void => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };
  useEffect(() => stop, []);

  const start = async (): Promise<void> => {
    if (!navigator.mediaDevices?.getUserMedia) return setState('absent');
    setState('starting');
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      });
      if (video.current) {
        video.current.srcObject = stream.current;
        await video.current.play();
      }
      setState('on');
    } catch (err) {
      stop();
      const name = err instanceof DOMException ? err.name : '';
      setState(name === 'NotFoundError' || name === 'OverconstrainedError' ? 'absent' : 'denied');
    }
  };

  const snap = (): void => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    onSnap(still(v, v.videoWidth, v.videoHeight, crop));
  };

  return (
    <div className="camera">
      <div className={`camera__view${crop ? ' camera__view--crop' : ''}`} hidden={state !== 'on' && state !== 'starting'}>
        <video ref={video} muted playsInline aria-label={t('capture.camera.live')} />
        {crop && <div className="camera__guide" aria-hidden="true" />}
      </div>
      {state === 'denied' && <Notice tone="warning">{t('capture.camera.denied')}</Notice>}
      {state === 'absent' && <Notice tone="warning">{t('capture.camera.absent')}</Notice>}
      <div className="form-actions">
        {state === 'on' ? (
          <>
            <button type="button" className="btn btn--primary" onClick={snap} disabled={disabled}>
              {snapLabel}
            </button>
            <button type="button" className="btn" onClick={() => (stop(), setState('off'))}>
              {t('capture.camera.stop')}
            </button>
          </>
        ) : (
          <button type="button" className="btn" onClick={() => void start()} disabled={state === 'starting' || disabled}>
            {t('capture.camera.start')}
          </button>
        )}
      </div>
    </div>
  );
}
