// Form submission state shared by every form: client problems shown once the user tried to submit,
// main's field problems until the next edit, a form-level error, and focus on the first bad field.
// Typed values are never cleared on an error.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ErrorBody, Result } from '@common/contract/index.js';
import { fieldsOf, hasProblems, merge, type FieldProblems } from './errors.js';

export interface Submission {
  busy: boolean;
  error: ErrorBody | null;
  problems: FieldProblems;
  submit: (event: FormEvent<HTMLFormElement>, client: FieldProblems, action: () => Promise<Result<unknown>>) => Promise<boolean>;
  clearError: () => void;
}

const focusFirstProblem = (form: HTMLFormElement | null): void => {
  setTimeout(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
};

export function useSubmission(values: unknown, client: FieldProblems): Submission {
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<FieldProblems>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(values);
  const lastKey = useRef(key);

  useEffect(() => {
    if (lastKey.current === key) return;
    lastKey.current = key;
    setServer({});
  }, [key]);

  const submit: Submission['submit'] = async (event, clientNow, action) => {
    event.preventDefault();
    const form = event.currentTarget;
    setSubmitted(true);
    setError(null);
    if (hasProblems(clientNow)) {
      focusFirstProblem(form);
      return false;
    }
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      setSubmitted(false);
      return true;
    }
    const fields = fieldsOf(result.error);
    setServer(fields);
    if (!hasProblems(fields)) setError(result.error);
    else focusFirstProblem(form);
    return false;
  };

  return {
    busy,
    error,
    problems: submitted ? merge(client, server) : server,
    submit,
    clearError: () => setError(null),
  };
}
