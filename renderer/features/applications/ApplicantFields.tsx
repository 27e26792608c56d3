import type { ComponentProps, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '@renderer/components/Choices.js';
import { DateField, TextField } from '@renderer/components/Field.js';
import { optionsOf, SelectField, type Option } from '@renderer/components/SelectField.js';
import type { CatalogueService } from './applications-store.js';
import type { FormValues } from './draft.js';

interface Props {
  values: FormValues;
  set: <K extends keyof FormValues>(k: K) => (value: FormValues[K]) => void;
  problems: (path: string) => string[] | undefined;
  catalogue: CatalogueService[];
  firstRef?: Ref<HTMLInputElement>;
  /** A booked or billed application keeps its service. */
  lockService?: boolean;
}

type TextKey =
  'nik' | 'fullName' | 'birthPlace' | 'address' | 'phone' | 'email' | 'fatherName' | 'motherName' | 'nationality' | 'passportNumber';
type Extra = Partial<Omit<ComponentProps<typeof TextField>, 'label' | 'value' | 'onValue' | 'problems'>>;

const REASONS = ['new', 'renewal', 'lost', 'damaged'] as const;
const PRIORITY_GROUPS = ['', 'lansia', 'disabilitas', 'ibu_hamil', 'balita', 'sakit'];
const MARITAL = ['', 'single', 'married', 'divorced', 'widowed'];

/** The applicant's fields, shared by check-in and by corrections on the application screen. */
export function ApplicantFields({ values: v, set, problems, catalogue, firstRef, lockService = false }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const service = catalogue.find((s) => s.code === v.serviceCode);
  const label = (field: keyof FormValues): string => t(`applications.field.${field}`);
  // Each applicant field: its label, value and problems are found under the same name.
  // The control's name is the path core names its problems with: a refusal finds its field by it.
  const text = (field: TextKey, extra: Extra = {}) => (
    <TextField
      label={label(field)}
      name={`applicant.${field}`}
      value={v[field]}
      onValue={set(field)}
      problems={problems(`applicant.${field}`)}
      {...extra}
    />
  );
  const date = (field: 'birthDate' | 'passportExpiry') => (
    <DateField
      label={label(field)}
      name={`applicant.${field}`}
      value={v[field]}
      onValue={set(field)}
      problems={problems(`applicant.${field}`)}
    />
  );
  // The application's own choices carry their problems at the top level, the applicant's below `applicant`.
  const select = <K extends 'reason' | 'priorityGroup' | 'sex' | 'maritalStatus'>(
    field: K,
    options: Array<Option<FormValues[K]>>,
    path: string,
    className?: string,
  ) => (
    <SelectField
      label={label(field)}
      name={path}
      value={v[field]}
      onValue={set(field)}
      options={options}
      problems={problems(path)}
      className={className}
    />
  );
  const allowed = (service?.allowedReasons ?? ['new']).filter((r): r is FormValues['reason'] => (REASONS as readonly string[]).includes(r));
  // Four columns on a wide form (two where it is narrow, beside the application): every field of the
  // applicant in view at once on a 1366x768 counter screen, in the order the officer asks for them.
  return (
    <div className="applicant-grid-host">
      <div className="applicant-grid">
        <SelectField
          label={t('applications.field.service')}
          name="serviceCode"
          className="field--wide"
          value={v.serviceCode}
          onValue={set('serviceCode')}
          options={catalogue.map((s) => ({ value: s.code, label: s.name[lang] }))}
          problems={problems('serviceCode')}
          disabled={lockService}
        />
        {select('reason', optionsOf(t, 'applications.reason', allowed), 'reason')}
        {select('priorityGroup', optionsOf(t, 'applications.priority', PRIORITY_GROUPS), 'priorityGroup')}
        {text('nik', { ref: firstRef, inputMode: 'numeric', maxLength: 24, autoComplete: 'off', className: 'field--wide' })}
        {text('fullName', { autoComplete: 'off', className: 'field--wide' })}
        {text('birthPlace')}
        {date('birthDate')}
        {select('sex', optionsOf(t, 'applications.sex', ['M', 'F'] as const), 'applicant.sex')}
        {select('maritalStatus', optionsOf(t, 'applications.marital', MARITAL), 'applicant.maritalStatus')}
        {text('address', { className: 'field--wide' })}
        {text('phone', { type: 'tel' })}
        {text('email', { type: 'email' })}
        {text('fatherName', { className: 'field--wide' })}
        {text('motherName', { className: 'field--wide' })}
        {text('nationality', { maxLength: 3 })}
        {text('passportNumber')}
        {date('passportExpiry')}
        <div className="applicant-grid__checks field--full">
          {service?.allowsAcceleration && (
            <Checkbox label={label('accelerated')} name="accelerated" checked={v.accelerated} onChecked={set('accelerated')} />
          )}
          <Checkbox label={label('nameChange')} name="applicant.nameChange" checked={v.nameChange} onChecked={set('nameChange')} />
        </div>
      </div>
    </div>
  );
}
