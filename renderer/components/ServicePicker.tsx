import type { ServiceView } from '@common/contract/app.js';
import { currentLanguage } from '../i18n/index.js';
import { CheckboxGroup } from './Choices.js';

interface Props {
  legend: string;
  services: ServiceView[];
  value: string[];
  onChange: (codes: string[]) => void;
  problems?: string[] | undefined;
}

export const serviceName = (s: ServiceView): string => (currentLanguage() === 'en' ? s.nameEn : s.nameId);

/** The queue services an officer handles, as a checkbox group. */
export function ServicePicker({ legend, services, value, onChange, problems }: Props) {
  return (
    <CheckboxGroup
      legend={legend}
      choices={services.map((s) => ({
        value: s.code,
        label: (
          <>
            <span className="checkgroup__prefix">{s.prefix}</span>
            {serviceName(s)}
          </>
        ),
      }))}
      value={value}
      onValue={onChange}
      problems={problems}
    />
  );
}
