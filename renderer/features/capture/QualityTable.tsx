import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptView } from '@common/contract/biometrics.js';
import { call } from '@renderer/api/client.js';
import { describeError } from '@renderer/lib/errors.js';

export const subtypeKey = (s: string): string => `capture.subtype.${s.replace(' ', '_')}`;

type Shown = { subType: string; url: string | null; problem: string | null };

/**
 * Each finger's (or eye's, or the face's) quality against its threshold, for one attempt. A kept image
 * can be opened for a look; main decrypts it and audits the read, so it is fetched only on request.
 */
export function QualityTable({ attempt, caption }: { attempt: AttemptView; caption: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);
  const open = async (subType: string, recordId: string): Promise<void> => {
    if (shown?.subType === subType) return setShown(null);
    const result = await call('biometrics.image', { recordId });
    if (!result.ok) return setShown({ subType, url: null, problem: describeError(t, result.error) });
    const drawable = result.value.mime === 'image/png' || result.value.mime === 'image/jpeg';
    setShown({
      subType,
      url: drawable ? `data:${result.value.mime};base64,${result.value.data}` : null,
      problem: drawable ? null : t('capture.image.notDrawable'),
    });
  };
  return (
    <>
      <table className="table capture-quality" data-testid="capture-quality">
        <caption>
          {caption} {attempt.kept && <span className="badge badge--ok">{t('capture.kept')}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('capture.col.item')}</th>
            <th scope="col">{t('capture.col.quality')}</th>
            <th scope="col">{t('capture.col.threshold')}</th>
            <th scope="col">{t('capture.col.result')}</th>
          </tr>
        </thead>
        <tbody>
          {attempt.items.map((item) => (
            <tr key={item.bioSubType} className={item.passed ? undefined : 'capture-quality--low'}>
              <th scope="row">{t(subtypeKey(item.bioSubType))}</th>
              <td className="num">
                <meter min={0} max={100} low={item.threshold} optimum={100} value={item.quality} aria-hidden="true" />{' '}
                {Math.round(item.quality)}
              </td>
              <td className="num">{item.threshold}</td>
              <td>
                {item.passed ? (
                  <span className="badge badge--ok">{t('capture.passed')}</span>
                ) : (
                  <span className="badge badge--danger">{t('capture.below')}</span>
                )}
                {item.recordId && (
                  <button
                    type="button"
                    className="btn btn--small capture-quality__view"
                    aria-pressed={shown?.subType === item.bioSubType}
                    onClick={() => void open(item.bioSubType, item.recordId as string)}
                  >
                    {shown?.subType === item.bioSubType ? t('capture.image.hide') : t('capture.image.show')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown && (
        <figure className="capture-image">
          {shown.url && <img src={shown.url} alt={t('capture.image.alt', { item: t(subtypeKey(shown.subType)) })} />}
          <figcaption className="muted">{shown.problem ?? t('capture.image.audited')}</figcaption>
        </figure>
      )}
    </>
  );
}
