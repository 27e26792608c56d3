// Which documents an application needs (Permenkumham 18/2022 for passports). The rows are reference
// data per service; a row's condition says when it applies to this applicant.
import type { ApplicationReason } from './fees.js';

export const DOCUMENT_CONDITIONS = ['always', 'adult', 'minor', 'renewal', 'lost', 'damaged', 'name_change'] as const;
export type DocumentCondition = (typeof DOCUMENT_CONDITIONS)[number];

export const DOCUMENT_STATES = ['pending', 'present', 'missing'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export interface ChecklistRule {
  docCode: string;
  condition: DocumentCondition;
  sort: number;
}

export interface ChecklistFacts {
  reason: ApplicationReason;
  minor: boolean;
  nameChange: boolean;
}

export function applies(condition: DocumentCondition, f: ChecklistFacts): boolean {
  switch (condition) {
    case 'always':
      return true;
    case 'adult':
      return !f.minor;
    case 'minor':
      return f.minor;
    case 'renewal':
      return f.reason === 'renewal';
    case 'lost':
      return f.reason === 'lost';
    case 'damaged':
      return f.reason === 'damaged';
    case 'name_change':
      return f.nameChange;
  }
}

/** The documents this applicant must show, in the service's order, each once. */
export function requiredDocuments(rules: readonly ChecklistRule[], f: ChecklistFacts): string[] {
  const seen = new Set<string>();
  return [...rules]
    .sort((a, b) => a.sort - b.sort)
    .filter((r) => applies(r.condition, f))
    .map((r) => r.docCode)
    .filter((c) => (seen.has(c) ? false : (seen.add(c), true)));
}

export interface ChecklistSummary {
  complete: boolean;
  pending: string[];
  missing: string[];
  present: string[];
}

export function summariseChecklist(items: ReadonlyArray<{ docCode: string; state: DocumentState }>): ChecklistSummary {
  const by = (s: DocumentState) => items.filter((i) => i.state === s).map((i) => i.docCode);
  const pending = by('pending');
  const missing = by('missing');
  return { complete: pending.length === 0 && missing.length === 0, pending, missing, present: by('present') };
}
