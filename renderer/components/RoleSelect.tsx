import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@common/domain/shared/roles.js';
import { optionsOf, SelectField } from './SelectField.js';

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
  return <SelectField label={label} value={value} onValue={onChange} options={optionsOf(t, 'roles', ROLES)} problems={problems} />;
}
