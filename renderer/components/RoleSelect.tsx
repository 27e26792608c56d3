import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@common/domain/shared/roles.js';
import { Field } from './Field.js';

export function RoleSelect({
  label,
  value,
  onChange,
  problems,
}: {
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  problems?: string[] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} problems={problems}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(ROLES.find((r) => r === e.target.value) ?? 'officer')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
