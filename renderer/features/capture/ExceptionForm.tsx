import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCEPTION_REASONS, type BioSubType } from '@common/domain/biometrics/modalities.js';
import { Notice } from '@renderer/components/Notice.js';
import { useCaptureStore, type ExceptionReason } from './capture-store.js';
import { CameraSnap } from './CameraSnap.js';
import { stillFromFile, type Still } from './image.js';
import { OverrideForm } from './OverrideForm.js';

/**
 * Fingers (or eyes) that cannot be captured: which, why, a photo of the hand, then a supervisor's
 * authorisation. Nothing is stored until the supervisor has signed it off.
 */
export function ExceptionForm({ subTypes, onDone }: { subTypes: readonly BioSubType[]; onDone: () => void }) {
  const { t } = useTranslation();
  const recordException = useCaptureStore((s) => s.recordException);
  const [chosen, setChosen] = useState<BioSubType[]>([]);
  const [reason, setReason] = useState<ExceptionReason>('missing');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<Still | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [authorising, setAuthorising] = useState(false);

  const toggle = (s: BioSubType): void => setChosen(chosen.includes(s) ? chosen.filter((x) => x !== s) : [...chosen, s]);
  const next = (): void => {
    if (chosen.length === 0) return setProblem(t('capture.exception.chooseFinger'));
    if (!photo) return setProblem(t('capture.exception.needPhoto'));
    setProblem(null);
    setAuthorising(true);
  };
  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      setPhoto(await stillFromFile(file));
      setProblem(null);
    } catch {
      setProblem(t('capture.exception.badFile'));
    }
  };
  const granted = async (overrideToken: string): Promise<boolean> => {
    if (!photo) return false;
    const result = await recordException({
      bioSubTypes: chosen,
      reason,
      note: note.trim() || undefined,
      photo: photo.input,
      overrideToken,
    });
    if (result.ok) onDone();
    else setAuthorising(false);
    return result.ok;
  };

  return (
    <div className="card capture-exception" aria-labelledby="exception-title">
      <h2 id="exception-title">{t('capture.exception.title')}</h2>
      <fieldset className="capture-exception__fingers" disabled={authorising}>
        <legend>{t('capture.exception.which')}</legend>
        {subTypes.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={chosen.includes(s)} onChange={() => toggle(s)} /> {t(`capture.subtype.${s.replace(' ', '_')}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <div className="field">
          <label htmlFor="exception-reason">{t('capture.exception.reason')}</label>
          <select
            id="exception-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value as ExceptionReason)}
            disabled={authorising}
          >
            {EXCEPTION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`capture.exception.reasons.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="exception-note">{t('capture.exception.note')}</label>
          <input id="exception-note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} disabled={authorising} />
        </div>
      </div>
      <p className="field-label">{t('capture.exception.photo')}</p>
      {photo && <img className="capture-exception__photo" src={photo.url} alt={t('capture.exception.photoTaken')} />}
      {!authorising && (
        <>
          <CameraSnap crop={false} onSnap={setPhoto} snapLabel={t('capture.exception.snap')} />
          <div className="field">
            <label htmlFor="exception-file">{t('capture.exception.file')}</label>
            <input id="exception-file" type="file" accept="image/png,image/jpeg" onChange={(e) => void onFile(e.target.files?.[0])} />
          </div>
        </>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
      {authorising ? (
        <OverrideForm
          action="biometric.exception"
          submitLabel={t('capture.exception.save')}
          onGranted={granted}
          onCancel={() => setAuthorising(false)}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="btn btn--primary" onClick={next}>
            {t('capture.exception.next')}
          </button>
          <button type="button" className="btn" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
