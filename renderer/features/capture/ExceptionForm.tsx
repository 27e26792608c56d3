import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCEPTION_REASONS, type BioSubType } from '@common/domain/biometrics/modalities.js';
import { CheckboxGroup } from '@renderer/components/Choices.js';
import { Field, TextField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { SelectField } from '@renderer/components/SelectField.js';
import { SupervisorOverride } from '@renderer/components/SupervisorOverride.js';
import { useCaptureStore, type ExceptionReason } from './capture-store.js';
import { CameraSnap } from './CameraSnap.js';
import { stillFromFile, type Still } from './image.js';

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
      <CheckboxGroup
        legend={t('capture.exception.which')}
        className="checkgroup capture-exception__fingers"
        choices={subTypes.map((s) => ({ value: s, label: t(`capture.subtype.${s.replace(' ', '_')}`) }))}
        value={chosen}
        onValue={setChosen}
        disabled={authorising}
      />
      <div className="form-row">
        <SelectField
          label={t('capture.exception.reason')}
          value={reason}
          onValue={setReason}
          options={EXCEPTION_REASONS.map((r) => ({ value: r, label: t(`capture.exception.reasons.${r}`) }))}
          disabled={authorising}
        />
        <TextField label={t('capture.exception.note')} value={note} onValue={setNote} maxLength={200} disabled={authorising} />
      </div>
      <p className="field-label">{t('capture.exception.photo')}</p>
      {photo && <img className="capture-exception__photo" src={photo.url} alt={t('capture.exception.photoTaken')} />}
      {!authorising && (
        <>
          <CameraSnap crop={false} onSnap={setPhoto} snapLabel={t('capture.exception.snap')} />
          <Field label={t('capture.exception.file')}>
            {(control) => (
              <input {...control} type="file" accept="image/png,image/jpeg" onChange={(e) => void onFile(e.target.files?.[0])} />
            )}
          </Field>
        </>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
      {authorising ? (
        <SupervisorOverride
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
