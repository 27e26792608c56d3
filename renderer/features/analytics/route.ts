// The analytics screens live under the supervisor's section: #/supervisor/analytics/<tab>.
export const ANALYTICS_TABS = ['heatmap', 'serviceTimes', 'forecast', 'staffing'] as const;
export type AnalyticsTab = (typeof ANALYTICS_TABS)[number];

export const analyticsRoute = (tab: AnalyticsTab = 'heatmap'): string => `#/supervisor/analytics/${tab}`;

/** The tab a hash opens, or null when the hash is not an analytics route. */
export function analyticsTab(hash: string): AnalyticsTab | null {
  const m = /^#\/supervisor\/analytics(?:\/([A-Za-z]+))?$/.exec(hash);
  if (!m) return null;
  return (ANALYTICS_TABS as readonly string[]).includes(m[1] ?? 'heatmap') ? ((m[1] ?? 'heatmap') as AnalyticsTab) : 'heatmap';
}
