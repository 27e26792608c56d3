/**
 * Plain data the PDF renderers take. Pure values only (no database rows, no Date objects) so the
 * applications core and the queue can build them from whatever they hold. Extended additively only.
 */

export type PdfLanguage = 'id' | 'en';

export interface OfficeInfo {
  /** Office code, e.g. "BYM". */
  code: string;
  /** Full name, e.g. "Kantor Imigrasi Kelas I TPI Semarang (Banyumanik)". */
  name: string;
  address: string;
  /** IANA zone the office counts its business day in: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timeZone: string;
}

/** A bilingual text: Indonesian is primary, English printed beside or under it. */
export interface Bilingual {
  id: string;
  en: string;
}

export interface ReprintMarker {
  /** 1 for the first reprint ("CETAK ULANG ke-1"). */
  count: number;
  reason: string;
}

export interface VoidMarker {
  reason: string;
  /** Supervisor who authorised the void. */
  by?: string;
  /** Epoch ms. */
  at?: number;
}

export interface FeeLine {
  label: Bilingual;
  /** Integer rupiah. */
  amount: number;
}

export type PaymentStatus = 'paid' | 'unpaid' | 'expired' | 'manual' | 'waived';

/** Fields every document shares. */
export interface DocumentBase {
  office: OfficeInfo;
  officerName: string;
  /** Epoch ms; shown in the office time zone with WIB/WITA/WIT. */
  printedAt: number;
  reprint: ReprintMarker | null;
  void: VoidMarker | null;
  /** Which language is primary; the other one is printed beside it. Default 'id'. */
  language?: PdfLanguage;
  /** Printed in training mode: every page carries the LATIHAN — SPECIMEN mark. Required so no caller forgets to say. */
  training: boolean;
}

export interface ApplicantInfo {
  name: string;
  /** 16 digits, or '' for a foreign applicant (then give passportNumber). */
  nik: string;
  passportNumber?: string | null;
  /** yyyy-MM-dd, optional. */
  dateOfBirth?: string | null;
  placeOfBirth?: string | null;
}

/** Tanda Terima Permohonan. */
export interface ApplicationReceiptModel extends DocumentBase {
  applicationNumber: string;
  /** M-Paspor booking code when the application came from a booking. */
  bookingCode?: string | null;
  applicant: ApplicantInfo;
  service: Bilingual;
  fees: FeeLine[];
  /** Integer rupiah; must equal the sum of fees. */
  total: number;
  /** 15-digit SIMPONI billing code, or null before billing. */
  billingCode: string | null;
  paymentStatus: PaymentStatus;
  /** yyyy-MM-dd (already counted in working days by the caller). */
  collectionDate: string | null;
  /** 'A4' (default) or 'A5'. */
  paper?: 'A4' | 'A5';
}

/** Bukti Pembayaran. */
export interface PaymentReceiptModel extends DocumentBase {
  applicationNumber: string;
  applicant: ApplicantInfo;
  service: Bilingual;
  fees: FeeLine[];
  total: number;
  billingCode: string;
  paymentStatus: PaymentStatus;
  /** Epoch ms of payment confirmation, if paid. */
  paidAt?: number | null;
  /** NTPN / bank reference when central supplies one. */
  paymentReference?: string | null;
  /** True when a supervisor confirmed the payment manually (flagged for reconciliation). */
  manualConfirmation?: { by: string; proof: string } | null;
  paper?: 'A4' | 'A5';
}

export interface MissingDocument {
  label: Bilingual;
  /** Optional hint, e.g. "asli dan fotokopi" / "original and copy". */
  note?: Bilingual;
}

/** Surat Pemberitahuan Kekurangan Berkas. */
export interface DeficiencyNoticeModel extends DocumentBase {
  applicationNumber: string;
  applicant: ApplicantInfo;
  service: Bilingual;
  missingDocuments: MissingDocument[];
  /** yyyy-MM-dd by which the applicant should return, optional. */
  returnBy?: string | null;
  paper?: 'A4' | 'A5';
}

/** 80 mm thermal queue ticket. */
export interface QueueTicketModel {
  office: OfficeInfo;
  /** e.g. "A-023". */
  ticketNumber: string;
  /** Ticket id encoded in the QR (uuid or similar). */
  ticketId: string;
  service: Bilingual;
  /** Epoch ms the ticket was issued. */
  issuedAt: number;
  peopleAhead: number;
  /** Estimated wait in whole minutes, or null when unknown. */
  estimatedWaitMinutes: number | null;
  language?: PdfLanguage;
  reprint?: ReprintMarker | null;
  /** Priority group or appointment line printed under the service, e.g. { id: 'Prioritas: Lansia', en: 'Priority: senior' }. */
  note?: Bilingual | null;
  /** Printed in training mode: the ticket carries the LATIHAN — SPECIMEN mark. */
  training: boolean;
}
