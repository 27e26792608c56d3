import { useTranslation } from 'react-i18next';
import { passwordProblems, type PasswordProblem } from '@common/domain/shared/password-policy.js';

const SHOWN: PasswordProblem[] = ['tooShort', 'needsLetter', 'needsDigit', 'containsUsername'];

interface Props {
  password: string;
  username: string;
  /** When given, the list also says whether the confirmation matches. */
  confirm?: string;
}

/** The password policy (common/domain) as a live checklist while the user types. */
export function PasswordChecklist({ password, username, confirm }: Props) {
  const { t } = useTranslation();
  const problems = passwordProblems(password, username);
  const rules = SHOWN.map((rule) => ({ key: rule, label: t(`password.${rule}`), met: password !== '' && !problems.includes(rule) }));
  if (problems.includes('tooLong')) rules.push({ key: 'tooLong', label: t('password.tooLong'), met: false });
  if (confirm !== undefined)
    rules.push({ key: 'matches' as PasswordProblem, label: t('password.matches'), met: confirm !== '' && confirm === password });
  return (
    <div className="checklist" aria-live="polite">
      <p className="checklist__title">{t('password.rules')}</p>
      <ul>
        {rules.map((r) => (
          <li key={r.key} className={r.met ? 'checklist__item checklist__item--met' : 'checklist__item'}>
            <span className="checklist__mark" aria-hidden="true">
              {r.met ? '✓' : '•'}
            </span>
            {r.label}
            <span className="visually-hidden">: {r.met ? t('password.met') : t('password.unmet')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
