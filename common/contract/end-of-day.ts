import { z } from 'zod';
import { defineCall } from './define.js';
import { IsoDateSchema, ReasonText } from './applications/schemas.js';
import { Language, text } from './schemas.js';
import { ticketFiguresOfLegacy } from '../domain/end-of-day/tickets.js';
import { WorkstationOutbox } from '../central/office-outbox.js';

const Money = z.object({ expected: z.number().int(), central: z.number().int(), manual: z.number().int(), waived: z.number().int() });
const Group = z.object({
  key: z.string(),
  label: z.string(),
  applications: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  money: Money,
});

export const DiscrepancyView = z.object({
  key: z.string(),
  kind: z.enum(['payment.missing', 'payment.outstanding', 'payment.manual', 'payment.mismatch']),
  applicationId: z.string(),
  applicationNumber: z.string(),
  serviceCode: z.string(),
  expected: z.number().int(),
  received: z.number().int(),
  note: z.string().nullable(),
  notedBy: z.string().nullable(),
  /** The desk that took the application (central's workstation id; null in reports signed before desks were counted). */
  workstationId: z.string().nullable().default(null),
  workstation: z.string().default(''),
  /** The officer who took it (username). */
  officer: z.string().nullable().default(null),
});

const ReceiptEvent = z.object({
  at: z.number(),
  applicationNumber: z.string(),
  kind: z.string(),
  copyNo: z.number().int(),
  reason: z.string().nullable(),
  username: z.string().nullable(),
});
const TicketCounts = z.object({
  issued: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  transferred: z.number().int(),
  cancelled: z.number().int(),
  /** Not finished yet: still waiting, called, being served or parked. */
  open: z.number().int(),
});
/** The day's queue tickets of the whole office (as central published them, plus local ones not published yet). */
const TicketFigures = z.object({
  byService: z.array(TicketCounts.extend({ serviceCode: z.string() })),
  /** officer null: tickets nobody called. */
  byOfficer: z.array(
    TicketCounts.extend({
      officer: z.string().nullable(),
      /** The officer's full name where this desk knows the account. */ name: z.string().nullable().default(null),
    }),
  ),
  total: TicketCounts,
});
/** Names of every service code in the report, so each reader shows the name in its own language. */
const ServiceName = z.object({ code: z.string(), nameId: z.string(), nameEn: z.string() });

/** checked: central answered; offline: central could not be asked; standalone: not enrolled, no other desk to wait for. */
const OfficeOutbox = z.object({ status: z.enum(['checked', 'offline', 'standalone']), workstations: z.array(WorkstationOutbox) });

/** A change that reached central after its day was signed off, held for the supervisor (server/sync/late.ts). */
export const LateChangeView = z.object({
  opId: z.string(),
  workstationId: z.string(),
  workstation: z.string(),
  businessDate: z.string(),
  entity: z.string(),
  entityId: z.string(),
  op: z.string(),
  createdAt: z.number(),
  receivedAt: z.number(),
  actor: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['held', 'accepted', 'returned', 'resent', 'failed']),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
});
export type LateChangeView = z.infer<typeof LateChangeView>;

/** Desks the supervisor signed off without waiting for, with the reason they gave. */
const Acknowledgement = z.object({
  reason: z.string(),
  by: z.string(),
  workstations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      pending: z.number().int(),
      conflicts: z.number().int(),
      reportedAt: z.number().nullable(),
    }),
  ),
});

/** An earlier sign-off of the same day (a late change accepted made it sign again). */
const EarlierSignoff = z.object({ n: z.number().int(), signedBy: z.string(), signedAt: z.number(), reportHash: z.string(), total: Money });

const RejectedOp = z.object({
  deviceSeq: z.number().int(),
  entity: z.string(),
  entityId: z.string(),
  op: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  createdAt: z.number(),
});

/** Kept biometric images central has not confirmed yet (captured up to the end of the day), per application and modality. */
const CaptureNotUploaded = z.object({
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  modality: z.string(),
  images: z.number().int(),
  capturedAt: z.number(),
});

export const EndOfDayReport = z.object({
  date: IsoDateSchema,
  officeCode: z.string(),
  officeName: z.string(),
  tz: z.string(),
  workstation: z.string(),
  generatedAt: z.number(),
  byService: z.array(Group),
  byOfficer: z.array(Group),
  /** Per desk of the office (key: central's workstation id); reports signed before desks were counted have none. */
  byDesk: z.array(Group).default([]),
  total: Group,
  discrepancies: z.array(DiscrepancyView),
  receipts: z.object({
    printed: z.number().int(),
    reprinted: z.array(ReceiptEvent),
    voided: z.array(ReceiptEvent),
    /** Receipts issued and voided on the day per desk of the office. */
    byDesk: z
      .array(z.object({ workstationId: z.string(), workstation: z.string(), issued: z.number().int(), voided: z.number().int() }))
      .default([]),
  }),
  sync: z.object({
    unsynced: z.number().int(),
    conflicts: z.number().int(),
    rejected: z.array(RejectedOp),
    /** Reports signed before images were uploaded have none. */
    capturesNotUploaded: z.array(CaptureNotUploaded).default([]),
  }),
  /** Always present, empty lists when the day had no tickets; reports signed earlier are read in this shape. */
  tickets: z.preprocess(ticketFiguresOfLegacy, TicketFigures),
  /** Reports signed before names were carried have none: readers then show the code alone. */
  serviceNames: z.array(ServiceName).default([]),
  /** Every desk of the office as central knows it at this moment: a sign-off waits until none holds unsent changes. */
  office: OfficeOutbox.default({ status: 'standalone', workstations: [] }),
  /** Late changes of the day: held ones wait for the supervisor, decided ones stay listed with their outcome. */
  lateChanges: z.array(LateChangeView).default([]),
  /** Set when the supervisor signed without waiting for desks that had not reported. */
  acknowledged: Acknowledgement.nullable().default(null),
  /** Earlier sign-offs of this day, oldest first; the report itself is the newest. */
  earlierSignoffs: z.array(EarlierSignoff).default([]),
  closure: z
    .object({
      status: z.enum(['closed', 'reopened']),
      closedBy: z.string(),
      closedAt: z.number(),
      reportHash: z.string(),
      reopenedBy: z.string().nullable(),
      reopenReason: z.string().nullable(),
    })
    .nullable(),
  /** What stands between this report and a sign-off, as stable codes (eod.unresolved, eod.unsynced, eod.officeUnsynced, eod.officeUnknown, eod.lateHeld, eod.closed). */
  blockers: z.array(z.string()),
});
export type EndOfDayReportView = z.infer<typeof EndOfDayReport>;

export const endOfDayCalls = {
  /** The report of one business day in the office's time zone (default today); the signed copy once the day is closed. */
  'endOfDay.report': defineCall({
    input: z.strictObject({ date: IsoDateSchema.optional() }),
    output: EndOfDayReport,
    access: ['supervisor', 'admin'],
    mutates: false,
  }),
  /** A supervisor explains one discrepancy; a later note replaces the earlier one (both audited). */
  'endOfDay.note': defineCall({
    input: z.strictObject({ date: IsoDateSchema, key: text().min(3).max(120), note: ReasonText }),
    output: EndOfDayReport,
    access: ['supervisor'],
    mutates: true,
  }),
  /**
   * Closes the day: every discrepancy noted, nothing unsynced, and the supervisor's password typed again.
   * Desks that have not reported block it unless `acknowledge` gives the reason to sign without them.
   */
  'endOfDay.signOff': defineCall({
    input: z.strictObject({ date: IsoDateSchema, password: text().min(1).max(200), acknowledge: ReasonText.optional() }),
    output: EndOfDayReport,
    access: ['supervisor'],
    mutates: true,
  }),
  /** Accepts a late change: central reopens its day and applies it, and this desk signs the day again with the new figures. */
  'endOfDay.acceptLate': defineCall({
    input: z.strictObject({ date: IsoDateSchema, opId: text().min(1).max(64), password: text().min(1).max(200) }),
    output: EndOfDayReport,
    access: ['supervisor'],
    mutates: true,
  }),
  /** Returns a late change to the desk that made it, with a reason that desk reads. */
  'endOfDay.returnLate': defineCall({
    input: z.strictObject({ date: IsoDateSchema, opId: text().min(1).max(64), reason: ReasonText }),
    output: EndOfDayReport,
    access: ['supervisor'],
    mutates: true,
  }),
  /** An admin reopens a closed day, with a reason and their password. */
  'endOfDay.reopen': defineCall({
    input: z.strictObject({ date: IsoDateSchema, reason: ReasonText, password: text().min(1).max(200) }),
    output: EndOfDayReport,
    access: ['admin'],
    mutates: true,
  }),
  /** The report as a PDF carrying the supervisor's name and the SHA-256 of the report's content. */
  'endOfDay.pdf': defineCall({
    input: z.strictObject({ date: IsoDateSchema, language: Language.default('id') }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), contentHash: z.string() }),
    access: ['supervisor', 'admin'],
    mutates: false,
  }),
  'endOfDay.csv': defineCall({
    input: z.strictObject({ date: IsoDateSchema, language: Language.default('id') }),
    output: z.object({ fileName: z.string(), csv: z.string(), contentHash: z.string() }),
    access: ['supervisor', 'admin'],
    mutates: false,
  }),
};
