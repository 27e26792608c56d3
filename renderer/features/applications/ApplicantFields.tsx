import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueService } from './applications-store.js';
import type { FormValues } from './draft.js';
import { AppInput, AppSelect } from './ui.js';

interface Props {
  values: FormValues;
  set: <K extends keyof FormValues>(k: K) => (value: FormValues[K]) => void;
  problems: (path: string) => string[] | undefined;
  catalogue: CatalogueService[];
  firstRef?: Ref<HTMLInputElement>;
  /** A booked or billed application keeps its service. */
  lockService?: boolean;
}

/** The applicant's fields, shared by check-in and by corrections on the application screen. */
export function ApplicantFields({ values: v, set, problems, catalogue, firstRef, lockService = false }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const service = catalogue.find((s) => s.code === v.serviceCode);
  const opt = (prefix: string, values: readonly string[]) => values.map((x) => ({ value: x, label: t(`${prefix}.${x || 'none'}`) }));
  return (
    <>
      <div className="form-row">
        <AppSelect
          label={t('applications.field.service')}
          value={v.serviceCode}
          onValue={set('serviceCode')}
          options={catalogue.map((s) => ({ value: s.code, label: s.name[lang] }))}
          problems={problems('serviceCode')}
          disabled={lockService}
        />
        <AppSelect
          label={t('applications.field.reason')}
          value={v.reason}
          onValue={(x) => set('reason')(x as FormValues['reason'])}
          options={opt('applications.reason', service?.allowedReasons ?? ['new'])}
          problems={problems('reason')}
        />
      </div>
      <div className="form-row">
        <AppSelect
          label={t('applications.field.priorityGroup')}
          value={v.priorityGroup}
          onValue={set('priorityGroup')}
          options={opt('applications.priority', ['', 'lansia', 'disabilitas', 'ibu_hamil', 'balita', 'sakit'])}
          problems={problems('priorityGroup')}
        />
        {service?.allowsAcceleration && (
          <label className="checkbox">
            <input type="checkbox" checked={v.accelerated} onChange={(e) => set('accelerated')(e.target.checked)} />{' '}
            {t('applications.field.accelerated')}
          </label>
        )}
      </div>
      <div className="form-row">
        <AppInput
          ref={firstRef}
          label={t('applications.field.nik')}
          value={v.nik}
          onValue={set('nik')}
          inputMode="numeric"
          maxLength={24}
          autoComplete="off"
          problems={problems('applicant.nik')}
        />
        <AppInput
          label={t('applications.field.fullName')}
          value={v.fullName}
          onValue={set('fullName')}
          autoComplete="off"
          problems={problems('applicant.fullName')}
        />
      </div>
      <div className="form-row">
        <AppInput
          label={t('applications.field.birthPlace')}
          value={v.birthPlace}
          onValue={set('birthPlace')}
          problems={problems('applicant.birthPlace')}
        />
        <AppInput
          label={t('applications.field.birthDate')}
          type="date"
          value={v.birthDate}
          onValue={set('birthDate')}
          problems={problems('applicant.birthDate')}
        />
        <AppSelect
          label={t('applications.field.sex')}
          value={v.sex}
          onValue={(x) => set('sex')(x as 'M' | 'F')}
          options={opt('applications.sex', ['M', 'F'])}
          problems={problems('applicant.sex')}
        />
        <AppSelect
          label={t('applications.field.maritalStatus')}
          value={v.maritalStatus}
          onValue={set('maritalStatus')}
          options={opt('applications.marital', ['', 'single', 'married', 'divorced', 'widowed'])}
          problems={problems('applicant.maritalStatus')}
        />
      </div>
      <AppInput
        label={t('applications.field.address')}
        value={v.address}
        onValue={set('address')}
        problems={problems('applicant.address')}
      />
      <div className="form-row">
        <AppInput
          label={t('applications.field.phone')}
          type="tel"
          value={v.phone}
          onValue={set('phone')}
          problems={problems('applicant.phone')}
        />
        <AppInput
          label={t('applications.field.email')}
          type="email"
          value={v.email}
          onValue={set('email')}
          problems={problems('applicant.email')}
        />
      </div>
      <div className="form-row">
        <AppInput
          label={t('applications.field.fatherName')}
          value={v.fatherName}
          onValue={set('fatherName')}
          problems={problems('applicant.fatherName')}
        />
        <AppInput
          label={t('applications.field.motherName')}
          value={v.motherName}
          onValue={set('motherName')}
          problems={problems('applicant.motherName')}
        />
      </div>
      <div className="form-row">
        <AppInput
          label={t('applications.field.nationality')}
          value={v.nationality}
          onValue={set('nationality')}
          maxLength={3}
          problems={problems('applicant.nationality')}
        />
        <AppInput
          label={t('applications.field.passportNumber')}
          value={v.passportNumber}
          onValue={set('passportNumber')}
          problems={problems('applicant.passportNumber')}
        />
        <AppInput
          label={t('applications.field.passportExpiry')}
          type="date"
          value={v.passportExpiry}
          onValue={set('passportExpiry')}
          problems={problems('applicant.passportExpiry')}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={v.nameChange} onChange={(e) => set('nameChange')(e.target.checked)} />{' '}
        {t('applications.field.nameChange')}
      </label>
    </>
  );
}
