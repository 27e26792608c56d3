// A refusal that names fields (check-in, verification, corrections) names them to the officer by their
// labels, in the form's order, and hands the caret to the first: "Wajib diisi." three times says nothing
// about where.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Notice } from '@renderer/components/Notice.js';
import { useProblemText } from '@renderer/components/Field.js';
import type { FieldProblems } from '@renderer/lib/errors.js';
import { useInView } from '@renderer/lib/in-view.js';

/** The applicant form's fields, by the paths core names them with, in the order the form shows them. */
export const FIELD_ORDER = [
  'serviceCode',
  'reason',
  'priorityGroup',
  'applicant.nik',
  'applicant.fullName',
  'applicant.birthPlace',
  'applicant.birthDate',
  'applicant.sex',
  'applicant.maritalStatus',
  'applicant.address',
  'applicant.phone',
  'applicant.email',
  'applicant.fatherName',
  'applicant.motherName',
  'applicant.nationality',
  'applicant.passportNumber',
  'applicant.passportExpiry',
  'accelerated',
  'applicant.nameChange',
] as const;

const TOP_LEVEL = new Set(['serviceCode', 'reason', 'priorityGroup', 'accelerated']);

/** The path core names a form value's problems with (`fullName` is `applicant.fullName`). */
export const fieldPath = (key: string): string => (TOP_LEVEL.has(key) ? key : `applicant.${key}`);

/** The problems left once the officer has changed one field (the notice keeps naming the others). */
export function withoutField(fields: FieldProblems | null, key: string): FieldProblems | null {
  if (!fields) return null;
  const { [fieldPath(key)]: _changed, ...rest } = fields;
  return Object.keys(rest).length > 0 ? rest : null;
}

/** The paths that have problems, in the form's order (paths the form does not show come last). */
export function problemPaths(fields: FieldProblems): string[] {
  const rank = (p: string): number => {
    const i = (FIELD_ORDER as readonly string[]).indexOf(p);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  return Object.keys(fields)
    .filter((p) => (fields[p] ?? []).length > 0)
    .sort((a, b) => rank(a) - rank(b));
}

/** A field's label as the form shows it. */
export function fieldLabel(t: TFunction, path: string): string {
  const name = path.replace(/^applicant\./, '');
  return t(`applications.field.${name === 'serviceCode' ? 'service' : name}`);
}

/** Moves the caret to the first field with a problem inside `container`; true when there was one. */
export function focusFirstProblem(container: ParentNode | null, fields: FieldProblems): boolean {
  for (const path of problemPaths(fields)) {
    const control = container?.querySelector<HTMLElement>(`[name="${path}"]`);
    if (control) {
      control.focus();
      return true;
    }
  }
  return false;
}

/** One notice for a refusal's field problems: each field by its label, with what is wrong with it. */
export function FieldsNotice({ fields, children }: { fields: FieldProblems; children?: ReactNode }) {
  const { t } = useTranslation();
  const say = useProblemText();
  const paths = problemPaths(fields);
  const ref = useInView<HTMLDivElement>(paths.join());
  if (paths.length === 0) return null;
  return (
    <div ref={ref} data-testid="fields-notice">
      <Notice tone="error" title={t('applications.fieldsNotice')}>
        <ul className="fields-notice">
          {paths.map((p) => (
            <li key={p}>
              <strong>{fieldLabel(t, p)}</strong>: {[...new Set(fields[p])].map(say).join(' ')}
            </li>
          ))}
        </ul>
        {children}
      </Notice>
    </div>
  );
}
