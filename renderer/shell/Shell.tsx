import type { ReactNode } from 'react';
import { useAppStore } from './app-store.js';
import { Header } from './Header.js';
import { StatusBar } from './StatusBar.js';
import { TrainingBanner } from './TrainingBanner.js';

/** The frame of every screen: training banner, header, the screen itself, status bar. */
export function Shell({ children }: { children: ReactNode }) {
  const training = useAppStore((s) => s.status?.training ?? false);
  return (
    <div className={training ? 'app app--training' : 'app'}>
      {training && <TrainingBanner />}
      <Header />
      <main className="app-main">{children}</main>
      <StatusBar />
    </div>
  );
}
