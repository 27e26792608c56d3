import { useTranslation } from 'react-i18next';
import type { ServiceView } from '@common/contract/app.js';
import { currentLanguage } from '../i18n/index.js';

interface Props {
  legend: string;
  services: ServiceView[];
  value: string[];
  onChange: (codes: string[]) => void;
  problems?: string[] | undefined;
}

export const serviceName = (s: ServiceView): string => (currentLanguage() === 'en' ? s.nameEn : s.nameId);

/** The queue services an officer handles, as a checkbox group. */
export function ServicePicker({ legend, services, value, onChange, problems = [] }: Props) {
  const { t, i18n } = useTranslation();
  const toggle = (code: string, on: boolean): void => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset className="checkgroup">
      <legend>{legend}</legend>
      {services.map((s) => (
        <label key={s.code} className="checkgroup__item">
          <input type="checkbox" checked={value.includes(s.code)} onChange={(e) => toggle(s.code, e.target.checked)} />
          <span className="checkgroup__prefix">{s.prefix}</span>
          {serviceName(s)}
        </label>
      ))}
      {problems.length > 0 && (
        <ul className="field__problems">
          {problems.map((p) => (
            <li key={p}>{i18n.exists(`fields.${p}`) ? t(`fields.${p}`) : t('fields.invalid')}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
