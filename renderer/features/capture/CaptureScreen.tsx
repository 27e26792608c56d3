import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@common/contract/index.js';
import { MODALITIES, MODALITY_SPECS } from '@common/domain/biometrics/modalities.js';
import { BackButton } from '@renderer/components/BackButton.js';
import { Notice } from '@renderer/components/Notice.js';
import { SupervisorOverride } from '@renderer/components/SupervisorOverride.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { describeError } from '@renderer/lib/errors.js';
import { call } from '@renderer/api/client.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { replaceHash } from '@renderer/lib/route.js';
import { detailRoute } from '../applications/route.js';
import { nextToCapture, useCaptureStore } from './capture-store.js';
import { useSessionStore } from '../session/session-store.js';
import { CameraSnap } from './CameraSnap.js';
import { DevicePanel } from './DevicePanel.js';
import { ExceptionForm } from './ExceptionForm.js';
import { ModalityList } from './ModalityList.js';
import { QualityTable, subtypeKey } from './QualityTable.js';
import './capture.css';

type Panel = 'exception' | 'override' | null;

/** A device fault carries its own message in both languages (common/domain/biometrics/errors.ts). */
function errorText(t: Parameters<typeof describeError>[0], error: ErrorBody): string {
  const d = error.details as { messageId?: unknown; messageEn?: unknown } | undefined;
  if (error.code === 'DEVICE' && typeof d?.messageId === 'string' && typeof d.messageEn === 'string')
    return currentLanguage() === 'id' ? d.messageId : d.messageEn;
  return describeError(t, error);
}

/**
 * Fingerprints, iris and face for one application: device status, live preview, quality per finger
 * against the thresholds, up to three attempts keeping the best, exceptions and supervisor overrides.
 * Keyboard: Alt+1..5 modality, Alt+P preview, Alt+C capture, Alt+E exception, Alt+O override, Esc back.
 */
export function CaptureScreen({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const store = useCaptureStore();
  const { status, modality, preview, capturing, lastAttempt, faceQuality, error } = store;
  const [panel, setPanel] = useState<Panel>(null);
  useEffect(() => useCaptureStore.getState().open(applicationId), [applicationId]);
  // The applicant by number and name, as on the receipt and the application screen, never by the record's id.
  const [who, setWho] = useState<string | null>(null);
  useEffect(() => {
    void call('applications.get', { id: applicationId }).then((r) => r.ok && setWho(`${r.value.number} · ${r.value.applicant.fullName}`));
  }, [applicationId]);

  const current = status?.modalities.find((m) => m.modality === modality) ?? null;
  const spec = MODALITY_SPECS[modality];
  const closed = current?.state === 'accepted' || current?.state === 'excepted';
  const canCapture = !!current && !capturing && !closed && current.attemptsLeft > 0 && panel === null;
  const canExcept = !!current && spec.exceptionsAllowed && !closed && current.toCapture.length > 0;
  const previewing = preview !== null && preview.ended === null;
  const last = lastAttempt?.modality === modality ? lastAttempt : null;
  const best = current?.best ?? null;
  const notFound = error?.code === 'NOT_FOUND' && status === null;
  // The one on screen is done: the capture key takes the next required modality not yet tried.
  const next = nextToCapture(status, modality);
  const moveOn = next !== modality && !capturing && panel === null;
  const captureKey = (): void => {
    if (moveOn) {
      store.select(next);
      void store.capture();
    } else if (canCapture) void store.capture();
  };

  const select = (i: number): void => {
    const m = MODALITIES[i];
    if (!m) return;
    setPanel(null);
    store.select(m);
  };
  // Capture is a step of the application: leaving it returns there.
  const back = (): void => (panel ? setPanel(null) : replaceHash(detailRoute(role, applicationId)));
  useShortcuts([
    ...MODALITIES.map((_, i) => ({ keys: `Alt+${i + 1}`, run: () => select(i) })),
    { keys: 'Alt+C', run: captureKey, enabled: canCapture || moveOn },
    { keys: 'Alt+P', run: () => void (previewing ? store.stopPreview() : store.startPreview()), enabled: panel === null },
    { keys: 'Alt+E', run: () => setPanel('exception'), enabled: canExcept && panel === null },
    { keys: 'Alt+O', run: () => setPanel('override'), enabled: !!current?.overrideAvailable && panel === null },
    { keys: 'Alt+R', run: () => void store.scan(true) },
    { keys: 'Escape', run: back },
  ]);

  if (notFound) {
    return (
      <section className="screen" aria-labelledby="capture-title">
        <h1 id="capture-title">{t('capture.title')}</h1>
        <Notice tone="error">{t('capture.notFound')}</Notice>
        <button type="button" className="btn" onClick={back}>
          {t('capture.back')}
        </button>
      </section>
    );
  }

  return (
    <section className="screen screen--capture" aria-labelledby="capture-title">
      <div className="page-head">
        <div>
          <h1 id="capture-title">{t('capture.title')}</h1>
          <p className="lead">{t('capture.application', { id: who ?? '…' })}</p>
        </div>
        <BackButton label={t('capture.back')} onBack={back} />
      </div>
      {error && !notFound && <Notice tone="error">{errorText(t, error)}</Notice>}
      <div className="capture-layout">
        <div className="stack">
          <ModalityList status={status} active={modality} onSelect={(m) => select(MODALITIES.indexOf(m))} />
          <DevicePanel modality={modality} />
        </div>
        <div className="stack">
          <div className="card" aria-labelledby="modality-title">
            <div className="card__head">
              <h2 id="modality-title">{t(`capture.modality.${modality}`)}</h2>
              {current && <span className="muted">{t('capture.threshold', { threshold: current.threshold })}</span>}
            </div>
            <div className="capture-stage">
              <div className="capture-preview" aria-live="off">
                {preview?.frame ? (
                  <img
                    src={preview.frame}
                    alt={t('capture.previewAlt', { modality: t(`capture.modality.${modality}`) })}
                    data-seq={preview.seq}
                  />
                ) : (
                  <p className="muted">{previewing ? t('capture.previewWaiting') : t('capture.previewOff')}</p>
                )}
                {preview?.error && (
                  <Notice tone="warning">{currentLanguage() === 'id' ? preview.error.messageId : preview.error.messageEn}</Notice>
                )}
              </div>
              <div className="form-actions">
                <button
                  type="button"
                  className="btn"
                  onClick={() => void (previewing ? store.stopPreview() : store.startPreview())}
                  aria-keyshortcuts="Alt+P"
                  disabled={panel !== null}
                >
                  {previewing ? t('capture.previewStop') : t('capture.previewStart')} <kbd>Alt+P</kbd>
                </button>
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={captureKey}
                  disabled={!canCapture && !moveOn}
                  aria-keyshortcuts="Alt+C"
                >
                  {capturing
                    ? t('capture.capturing')
                    : moveOn
                      ? t('counterFlow.captureNext', { what: t(`capture.modality.${next}`) })
                      : modality === 'face'
                        ? t('capture.captureFaceDevice')
                        : t('capture.capture')}{' '}
                  <kbd>Alt+C</kbd>
                </button>
                {canExcept && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => setPanel('exception')}
                    disabled={panel !== null}
                    aria-keyshortcuts="Alt+E"
                  >
                    {t('capture.exception.open')} <kbd>Alt+E</kbd>
                  </button>
                )}
              </div>
              {current && (
                <p className="muted" data-testid="capture-attempts">
                  {t('capture.attemptsLeft', { count: current.attemptsLeft })}
                </p>
              )}
            </div>
            {current?.state === 'belowThreshold' && current.attemptsLeft > 0 && (
              <Notice tone="warning">{t('capture.retry', { count: current.attemptsLeft })}</Notice>
            )}
            {current?.overrideAvailable && panel !== 'override' && (
              <Notice tone="warning">
                {t('capture.override.needed')}{' '}
                <button type="button" className="btn btn--small" onClick={() => setPanel('override')} aria-keyshortcuts="Alt+O">
                  {t('capture.override.ask')} <kbd>Alt+O</kbd>
                </button>
              </Notice>
            )}
            {panel === 'override' && (
              <SupervisorOverride
                action="biometric.lowQuality"
                submitLabel={t('capture.override.accept')}
                onCancel={() => setPanel(null)}
                onGranted={async (token) => {
                  const result = await store.acceptLowQuality(token);
                  if (result.ok) setPanel(null);
                  return result.ok;
                }}
              />
            )}
            {current?.acceptedBy && (
              <Notice tone="info">
                {t('capture.acceptedBy', { name: current.acceptedBy.supervisorName, reason: current.acceptedBy.reason })}
              </Notice>
            )}
            {last && <QualityTable attempt={last} caption={t('capture.lastAttempt', { n: last.attemptNo })} />}
            {best && best.attemptId !== last?.attemptId && (
              <QualityTable attempt={{ ...best, kept: true }} caption={t('capture.bestAttempt', { n: best.attemptNo })} />
            )}
            {faceQuality && modality === 'face' && (
              <p className="muted" data-testid="face-quality">
                {t('capture.face.quality', {
                  score: Math.round(faceQuality.score),
                  exposure: Math.round(faceQuality.exposureScore),
                  sharpness: Math.round(faceQuality.sharpnessScore),
                })}
                {faceQuality.problems.map((p) => ` · ${t(`capture.face.problems.${p}`)}`).join('')}
              </p>
            )}
            {current && current.exceptions.length > 0 && (
              <ul className="capture-exceptions" aria-label={t('capture.exception.listed')}>
                {current.exceptions.map((x) => (
                  <li key={x.bioSubType}>
                    <span className="badge badge--muted">{t(`capture.exception.reasons.${x.reason}`)}</span> {t(subtypeKey(x.bioSubType))}
                    {x.note && <span className="muted"> · {x.note}</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
          {panel === 'exception' && current && <ExceptionForm subTypes={current.toCapture} onDone={() => setPanel(null)} />}
          {modality === 'face' && !closed && (
            <div className="card" aria-labelledby="camera-title">
              <h2 id="camera-title">{t('capture.face.cameraTitle')}</h2>
              <p className="muted">{t('capture.face.cameraHint')}</p>
              <CameraSnap
                crop
                snapLabel={t('capture.face.snap')}
                disabled={capturing || (current?.attemptsLeft ?? 0) === 0}
                onSnap={(picture) => void store.submitFace(picture.input)}
              />
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
