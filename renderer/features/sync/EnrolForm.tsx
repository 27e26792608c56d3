import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { syncCalls } from '@common/contract/sync.js';
import { CodeField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { call } from '@renderer/api/client.js';
import { checkInput, describeError, fieldsOf, merge, type FieldProblems } from '@renderer/lib/errors.js';
import { useSyncStore } from './sync-store.js';

/**
 * An admin enrols this workstation with central once, with the code central's admin issued; and again,
 * with a new code (main makes a new key), after central revoked it: the address stays the same then.
 */
export function EnrolForm({ centralUrl, again = false }: { centralUrl: string | null; again?: boolean }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(centralUrl ?? '');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FieldProblems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input = { centralUrl: url.trim(), code: code.trim() };
    const local = again
      ? checkInput(syncCalls['sync.reenrol'].input, { code: input.code }, { code: 'enrolment.code' })
      : checkInput(syncCalls['sync.enrol'].input, input, { centralUrl: 'url', code: 'enrolment.code' });
    setProblems(local);
    setError(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const result = again ? await call('sync.reenrol', { code: input.code }) : await call('sync.enrol', input);
    setBusy(false);
    if (result.ok) {
      useSyncStore.setState({ status: result.value });
      setCode('');
      return;
    }
    setProblems(merge(fieldsOf(result.error)));
    setError(describeError(t, result.error));
  };

  const messages = Object.values(problems)
    .flat()
    .map((p) => t(`sync.enrol.problems.${p.replaceAll('.', '_')}`, { defaultValue: t('fields.invalid') }));
  return (
    <form className="card" aria-labelledby="enrol-title" onSubmit={(e) => void submit(e)}>
      <h2 id="enrol-title">{again ? t('sync.reenrol.title') : t('sync.enrol.title')}</h2>
      <p className="muted">{again ? t('sync.reenrol.explain') : t('sync.enrol.explain')}</p>
      {!again && (
        <CodeField
          label={t('sync.enrol.url')}
          value={url}
          onValue={setUrl}
          placeholder="https://pusat.example.go.id"
          invalid={!!problems.centralUrl}
        />
      )}
      <CodeField label={t('sync.enrol.code')} value={code} onValue={setCode} invalid={!!problems.code} />
      {(messages.length > 0 || error) && (
        <Notice tone="error">
          {messages.length > 0 ? (
            <ul>
              {[...new Set(messages)].map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : (
            error
          )}
        </Notice>
      )}
      <FormActions submit={busy ? t('sync.enrol.busy') : again ? t('sync.reenrol.submit') : t('sync.enrol.submit')} busy={busy} />
    </form>
  );
}
