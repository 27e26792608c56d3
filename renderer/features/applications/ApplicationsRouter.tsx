import { AdjudicationQueue } from './AdjudicationQueue.js';
import { ApplicationScreen } from './ApplicationScreen.js';
import { HandOverScreen } from './HandOverScreen.js';
import type { ApplicationsRoute } from './route.js';
import { SearchScreen } from './SearchScreen.js';
import { WalkInForm } from './WalkInForm.js';
import './applications.css';

/** The application screens, picked by the hash (see route.ts). */
export function ApplicationsRouter({ route }: { route: ApplicationsRoute }) {
  switch (route.screen) {
    case 'search':
      return <SearchScreen />;
    case 'new':
      return <WalkInForm key={`${route.booking ?? ''}:${route.group ?? ''}`} booking={route.booking} group={route.group} />;
    case 'detail':
      return <ApplicationScreen key={route.id} id={route.id} />;
    case 'handOver':
      return <HandOverScreen />;
    case 'adjudication':
      return <AdjudicationQueue />;
  }
}
