import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CallOutput } from '@common/contract/index.js';
import { call } from '@renderer/api/client.js';

type Reason = NonNullable<CallOutput<'applications.photo'>['reason']>;

function reasonText(t: TFunction, reason: Reason): string {
  switch (reason) {
    case 'photo.none':
      return t('applications.photo.none');
    case 'photo.notYours':
      return t('applications.photo.notYours');
    case 'photo.notAvailable':
      return t('applications.photo.notAvailable');
    case 'photo.offline':
      return t('applications.photo.offline');
    case 'photo.mismatch':
      return t('applications.photo.mismatch');
    case 'photo.unreadable':
      return t('applications.photo.unreadable');
  }
}

/**
 * The applicant's photo, for comparing with the person at the counter. Main decrypts it (fetching it from
 * central once when another desk captured it) and audits each showing, so it is asked for once per screen.
 */
export function ApplicantPhoto({ id }: { id: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<{ url: string | null; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    void call('applications.photo', { id }).then((r) => {
      if (!live) return;
      if (!r.ok) return setShown({ url: null, text: reasonText(t, 'photo.offline') });
      setShown({ url: r.value.photo, text: reasonText(t, r.value.reason ?? 'photo.none') });
    });
    return () => {
      live = false;
    };
  }, [id, t]);
  if (!shown) return null;
  return (
    <figure className="applicant-photo" data-testid="applicant-photo">
      {shown.url ? (
        <img src={shown.url} alt={t('applications.photo.alt')} width={105} height={135} />
      ) : (
        <figcaption className="muted">{shown.text}</figcaption>
      )}
    </figure>
  );
}
