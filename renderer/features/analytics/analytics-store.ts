// The supervisor's analytics screens: the history span, the four views and the staffing inputs.
import { create } from 'zustand';
import type { ForecastResult, HeatmapResult, HistorySpan, ServiceTimesResult, StaffingResult } from '@common/contract/analytics.js';
import type { CallInput, ErrorBody, Result } from '@common/contract/index.js';
import { call } from '@renderer/api/client.js';

export type StaffingInput = Required<Omit<CallInput<'analytics.staffing'>, 'date' | 'trainingWeeks'>> & { date?: string };

export const DEFAULT_STAFFING: StaffingInput = { serviceLevelPercent: 80, withinMinutes: 30, shrinkagePercent: 30, countersAvailable: 10 };

interface AnalyticsState {
  span: HistorySpan | null;
  weeks: number;
  heatmap: HeatmapResult | null;
  serviceTimes: ServiceTimesResult | null;
  forecast: ForecastResult | null;
  staffing: StaffingResult | null;
  staffingInput: StaffingInput;
  /** The staffing call's own failure (its inputs), apart from the screen's. */
  staffingError: ErrorBody | null;
  loading: boolean;
  generating: boolean;
  error: ErrorBody | null;
  load(weeks?: number): Promise<void>;
  plan(input: StaffingInput): Promise<void>;
  generate(): Promise<Result<unknown>>;
}

export const useAnalyticsStore = create<AnalyticsState>()((set, get) => ({
  span: null,
  weeks: 8,
  heatmap: null,
  serviceTimes: null,
  forecast: null,
  staffing: null,
  staffingInput: DEFAULT_STAFFING,
  staffingError: null,
  loading: false,
  generating: false,
  error: null,

  async load(weeks = get().weeks) {
    set({ loading: true, weeks });
    // Tickets the queue closed since the last visit join the history first; a failure here must not
    // hide the history already there, so it only shows beside it.
    const imported = await call('analytics.importTickets', {});
    const [span, heatmap, serviceTimes, forecast] = await Promise.all([
      call('analytics.span', {}),
      call('analytics.heatmap', { weeks }),
      call('analytics.serviceTimes', { weeks }),
      call('analytics.forecast', { trainingWeeks: weeks }),
    ]);
    const failed = [imported, span, heatmap, serviceTimes, forecast].find((r) => !r.ok);
    set({
      loading: false,
      error: failed && !failed.ok ? failed.error : null,
      span: span.ok ? span.value : null,
      heatmap: heatmap.ok ? heatmap.value : null,
      serviceTimes: serviceTimes.ok ? serviceTimes.value : null,
      forecast: forecast.ok ? forecast.value : null,
    });
    if (span.ok && span.value.tickets > 0) await get().plan(get().staffingInput);
    else set({ staffing: null, staffingError: null });
  },

  async plan(input) {
    set({ staffingInput: input });
    const result = await call('analytics.staffing', { ...input, trainingWeeks: get().weeks });
    set(result.ok ? { staffing: result.value, staffingError: null } : { staffingError: result.error });
  },

  async generate() {
    set({ generating: true });
    const result = await call('analytics.generateHistory', {});
    set({ generating: false, error: result.ok ? null : result.error });
    if (result.ok) await get().load();
    return result;
  },
}));
