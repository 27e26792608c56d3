import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@renderer/components/FormActions.js';
import { DraftNotice } from '@renderer/components/DraftNotice.js';
import { Notice } from '@renderer/components/Notice.js';
import { useDraft } from '@renderer/lib/drafts.js';
import { describeError, fieldsOf, hasProblems, type FieldProblems } from '@renderer/lib/errors.js';
import { useApplicationsStore, type ApplicationView } from './applications-store.js';
import { ApplicantFields } from './ApplicantFields.js';
import { FieldsNotice, focusFirstProblem, withoutField } from './field-problems.js';
import { fromDraft, toDraft, type FormValues } from './draft.js';

const valuesOf = (app: ApplicationView): FormValues =>
  fromDraft({
    serviceCode: app.serviceCode,
    reason: app.reason,
    accelerated: app.accelerated,
    priorityGroup: app.priorityGroup,
    applicant: app.applicant,
  });

/** The draft name of an application's corrections: the file opens with its editor when one exists. */
const EDIT_FORM = 'applications.edit';
export const editDraftForm = (id: string): string => `${EDIT_FORM}:${id}`;

/**
 * Corrections while the file is open (what verification asks for); core checks it all again. `asked` are
 * the problems it opens with (a refused verification's): named in a notice, the caret on the first.
 */
export function EditApplicant({
  app,
  problems: asked = null,
  onDone,
}: {
  app: ApplicationView;
  problems?: FieldProblems | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { catalogue, loadCatalogue, run } = useApplicationsStore();
  const [v, setV] = useState<FormValues>(() => valuesOf(app));
  const [problems, setProblems] = useState<FieldProblems>(asked ?? {});
  const form = useRef<HTMLFormElement>(null);
  // Asked again while open (the next step's button pressed twice): the new problems, the caret again.
  const [askedFor, setAskedFor] = useState(asked);
  if (asked !== askedFor) {
    setAskedFor(asked);
    if (asked) setProblems(asked);
  }
  useEffect(() => {
    if (asked) focusFirstProblem(form.current, asked);
  }, [asked]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void loadCatalogue(), [loadCatalogue]);
  const kept = useDraft(
    editDraftForm(app.id),
    { ...v },
    (saved) => setV({ ...valuesOf(app), ...(saved as Partial<FormValues>) }),
    JSON.stringify(v) !== JSON.stringify(valuesOf(app)),
  );
  const cancel = (): void => {
    void kept.discard();
    onDone();
  };
  const set =
    <K extends keyof FormValues>(k: K) =>
    (value: FormValues[K]) => {
      setV((old) => ({ ...old, [k]: value }));
      setProblems((old) => withoutField(old, k) ?? {});
    };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const draft = toDraft(v);
    if (!draft) return setProblems({ 'applicant.birthDate': ['required'] });
    setBusy(true);
    const r = await run('applications.update', { id: app.id, baseVersion: app.version, draft });
    setBusy(false);
    if (r.ok) {
      await kept.discard();
      return onDone();
    }
    const fields = fieldsOf(r.error);
    setProblems(fields);
    setError(hasProblems(fields) ? null : describeError(t, r.error));
    requestAnimationFrame(() => focusFirstProblem(form.current, fields));
  };

  return (
    <form className="card" ref={form} onSubmit={(e) => void save(e)} noValidate aria-label={t('applications.edit.title')}>
      <h2>{t('applications.edit.title')}</h2>
      <DraftNotice
        draft={kept}
        onDiscard={() => {
          void kept.discard();
          setV(valuesOf(app));
        }}
      />
      <FieldsNotice fields={problems} />
      <ApplicantFields
        values={v}
        set={set}
        problems={(p) => problems[p]}
        catalogue={catalogue}
        lockService={app.bookingCode !== null || app.payments.length > 0}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <FormActions submit={t('common.save')} busy={busy} onCancel={cancel} />
    </form>
  );
}
