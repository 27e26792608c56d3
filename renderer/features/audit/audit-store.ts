// The audit trail and the chain check, for supervisors and admins.
import { create } from 'zustand';
import type { CallOutput, ErrorBody } from '@common/contract/index.js';
import { call } from '@renderer/api/client.js';

export type AuditEvent = CallOutput<'audit.list'>[number];
export type ChainReport = CallOutput<'audit.verify'>;

interface AuditState {
  events: AuditEvent[];
  chain: ChainReport | null;
  loading: boolean;
  verifying: boolean;
  error: ErrorBody | null;
  load(limit?: number): Promise<void>;
  verify(): Promise<void>;
  reset(): void;
}

export const useAuditStore = create<AuditState>()((set) => ({
  events: [],
  chain: null,
  loading: false,
  verifying: false,
  error: null,
  async load(limit = 50) {
    set({ loading: true });
    const result = await call('audit.list', { limit });
    set(result.ok ? { events: result.value, loading: false, error: null } : { loading: false, error: result.error });
  },
  async verify() {
    set({ verifying: true });
    const result = await call('audit.verify', {});
    set(result.ok ? { chain: result.value, verifying: false } : { verifying: false, error: result.error });
  },
  reset: () => set({ events: [], chain: null, error: null }),
}));
