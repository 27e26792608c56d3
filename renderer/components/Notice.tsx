import type { ReactNode } from 'react';

type Tone = 'error' | 'warning' | 'info' | 'success';

/** A message box; errors and warnings are announced at once, others politely. */
export function Notice({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`notice notice--${tone}`} role={urgent ? 'alert' : 'status'}>
      {title && <p className="notice__title">{title}</p>}
      <div className="notice__body">{children}</div>
    </div>
  );
}
