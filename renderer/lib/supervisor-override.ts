// The state and submit of the "supervisor authorises this at my desk" form (auth.override, drawn by
// components/SupervisorOverride.tsx): the officer stays signed in and the single-use token goes straight
// into the action.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverrideAction } from '@common/contract/auth.js';
import { call } from '../api/client.js';
import { describeError } from './errors.js';

export function useSupervisorOverride(action: OverrideAction, onGranted: (token: string) => Promise<boolean>) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (reason.trim().length < 5) return setError(t('override.reasonShort'));
    setBusy(true);
    setError(null);
    const r = await call('auth.override', { username: username.trim(), password, action, reason: reason.trim() });
    if (!r.ok) {
      setBusy(false);
      setPassword('');
      return setError(
        r.error.code === 'INVALID_CREDENTIALS' || r.error.code === 'FORBIDDEN' ? t('override.refused') : describeError(t, r.error),
      );
    }
    const done = await onGranted(r.value.overrideToken);
    setBusy(false);
    if (!done) setPassword('');
  };

  return { username, setUsername, password, setPassword, reason, setReason, busy, error, submit };
}
