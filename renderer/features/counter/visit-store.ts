// The visit at this counter: the ticket called and the application opened for it. The queue and the
// application screens meet here, so F5 knows which application it finishes and the step bar knows whose
// steps to show. Kept in core as a draft of the signed-in officer, one per ticket, so a lock, a crash, a
// restart or parking the ticket and resuming it later keeps the visit.
import { create } from 'zustand';
import type { TicketView } from '@common/contract/queue/central.js';
import type { ApplicationStatus } from '@common/domain/applications/flow.js';
import { call } from '@renderer/api/client.js';

const formOf = (ticketId: string): string => `counter.visit:${ticketId}`;

/** What the step bar and F5 need to know of the visit's application. */
export interface VisitApplication {
  id: string;
  number: string;
  status: ApplicationStatus;
  applicantComplete: boolean;
  receiptPrinted: boolean;
}

export interface Visit {
  ticketId: string;
  number: string;
  /** The application opened or made for this ticket, once there is one. */
  applicationId: string | null;
}

interface VisitState {
  visit: Visit | null;
  application: VisitApplication | null;
  /** The visit of the ticket now at the counter, as kept; none when no ticket is. */
  follow(ticket: Pick<TicketView, 'id' | 'number'> | null): Promise<void>;
  begin(ticket: Pick<TicketView, 'id' | 'number'>): void;
  /** The application the officer opened or made while serving the visit's ticket; the first one stays. */
  attach(applicationId: string): void;
  /** The visit's application as last read (a screen that has the view passes it on). */
  see(application: VisitApplication): void;
  /** The ticket left the counter for good: its visit is over. */
  end(): void;
}

const save = (visit: Visit): void => {
  void call('drafts.save', { form: formOf(visit.ticketId), values: { ...visit } });
};

async function readApplication(id: string): Promise<VisitApplication | null> {
  const r = await call('applications.get', { id });
  return r.ok ? visitApplication(r.value) : null;
}

/** The step bar's facts from the application view every application call answers. */
export function visitApplication(a: {
  id: string;
  number: string;
  status: ApplicationStatus;
  availability: ReadonlyArray<{ action: string; reason: string | null }>;
  receipts: ReadonlyArray<{ kind: string; status: string }>;
}): VisitApplication {
  return {
    id: a.id,
    number: a.number,
    status: a.status,
    applicantComplete: !a.availability.some((s) => s.reason === 'application.applicantIncomplete'),
    receiptPrinted: a.receipts.some((r) => r.kind === 'application' && r.status === 'active'),
  };
}

export const useVisitStore = create<VisitState>()((set, get) => ({
  visit: null,
  application: null,
  async follow(ticket) {
    if (!ticket) return set({ visit: null, application: null });
    if (get().visit?.ticketId === ticket.id) return;
    const r = await call('drafts.load', { form: formOf(ticket.id) });
    const v = r.ok && r.value ? (r.value.values as Partial<Visit>) : null;
    const applicationId = typeof v?.applicationId === 'string' ? v.applicationId : null;
    set({ visit: { ticketId: ticket.id, number: ticket.number, applicationId }, application: null });
    if (applicationId) {
      const application = await readApplication(applicationId);
      if (get().visit?.applicationId === applicationId) set({ application });
    }
  },
  begin(ticket) {
    const visit = { ticketId: ticket.id, number: ticket.number, applicationId: null };
    set({ visit, application: null });
    save(visit);
  },
  attach(applicationId) {
    const v = get().visit;
    if (!v || v.applicationId !== null) return;
    const visit = { ...v, applicationId };
    set({ visit });
    save(visit);
    void readApplication(applicationId).then((application) => get().visit?.applicationId === applicationId && set({ application }));
  },
  see(application) {
    if (get().visit?.applicationId === application.id) set({ application });
  },
  end() {
    const v = get().visit;
    if (v) void call('drafts.discard', { form: formOf(v.ticketId) });
    set({ visit: null, application: null });
  },
}));
