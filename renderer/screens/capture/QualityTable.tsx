import { useTranslation } from 'react-i18next';
import type { AttemptView } from '../../../common/contract/biometrics.js';

export const subtypeKey = (s: string): string => `capture.subtype.${s.replace(' ', '_')}`;

/** Each finger's (or eye's, or the face's) quality against its threshold, for one attempt. */
export function QualityTable({ attempt, caption }: { attempt: AttemptView; caption: string }) {
  const { t } = useTranslation();
  return (
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
              <meter min={0} max={100} low={item.threshold} optimum={100} value={item.quality} aria-hidden="true" /> {Math.round(item.quality)}
            </td>
            <td className="num">{item.threshold}</td>
            <td>{item.passed ? <span className="badge badge--ok">{t('capture.passed')}</span> : <span className="badge badge--danger">{t('capture.below')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
