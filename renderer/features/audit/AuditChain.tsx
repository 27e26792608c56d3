import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditStore } from './audit-store.js';

/** Whether the hash-chained audit log is intact, as main's verifier reports it. */
export function AuditChain() {
  const { t } = useTranslation();
  const { chain, verifying, verify } = useAuditStore();
  useEffect(() => {
    void verify();
  }, [verify]);
  const tone = chain === null ? 'muted' : chain.ok ? 'ok' : 'broken';
  return (
    <div className={`card chain chain--${tone}`} aria-labelledby="chain-title">
      <div className="card__head">
        <h2 id="chain-title">{t('supervisor.chainTitle')}</h2>
        <button type="button" className="btn btn--small" onClick={() => void verify()} disabled={verifying}>
          {verifying ? t('supervisor.checking') : t('supervisor.chainCheck')}
        </button>
      </div>
      <p className="chain__result" role="status">
        {chain === null
          ? t('supervisor.checking')
          : chain.ok
            ? t('supervisor.chainOk', { count: chain.checked })
            : t('supervisor.chainBroken', { seq: chain.brokenAt ?? '?', reason: chain.reason ?? '' })}
      </p>
    </div>
  );
}
