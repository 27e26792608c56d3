// Biometric capture rules shared by core, the device layer and the capture screen: what each modality
// captures (MOSIP SBI 0.9.5 names), the default quality thresholds, retries and exception reasons.

export const MODALITIES = ['leftSlap', 'rightSlap', 'thumbs', 'iris', 'face'] as const;
export type Modality = (typeof MODALITIES)[number];

export const FINGER_SUBTYPES = [
  'Left IndexFinger',
  'Left MiddleFinger',
  'Left RingFinger',
  'Left LittleFinger',
  'Left Thumb',
  'Right IndexFinger',
  'Right MiddleFinger',
  'Right RingFinger',
  'Right LittleFinger',
  'Right Thumb',
] as const;
export const IRIS_SUBTYPES = ['Left', 'Right'] as const;
/** Face has no SBI subtype; 'Face' names the single face record. */
export const BIO_SUBTYPES = [...FINGER_SUBTYPES, ...IRIS_SUBTYPES, 'Face'] as const;
export type BioSubType = (typeof BIO_SUBTYPES)[number];

export type BioType = 'Finger' | 'Iris' | 'Face';

export interface ModalitySpec {
  bioType: BioType;
  /** SBI deviceSubId: 1 left slap, 2 right slap, 3 thumbs or both irises; 0 for face. */
  deviceSubId: number;
  subTypes: readonly BioSubType[];
  /** Which threshold setting applies. */
  threshold: 'finger' | 'iris' | 'face';
  /** Fingers and irises can be recorded as exceptions; a face cannot be missing. */
  exceptionsAllowed: boolean;
}

export const MODALITY_SPECS: Record<Modality, ModalitySpec> = {
  leftSlap: {
    bioType: 'Finger',
    deviceSubId: 1,
    subTypes: ['Left IndexFinger', 'Left MiddleFinger', 'Left RingFinger', 'Left LittleFinger'],
    threshold: 'finger',
    exceptionsAllowed: true,
  },
  rightSlap: {
    bioType: 'Finger',
    deviceSubId: 2,
    subTypes: ['Right IndexFinger', 'Right MiddleFinger', 'Right RingFinger', 'Right LittleFinger'],
    threshold: 'finger',
    exceptionsAllowed: true,
  },
  thumbs: { bioType: 'Finger', deviceSubId: 3, subTypes: ['Left Thumb', 'Right Thumb'], threshold: 'finger', exceptionsAllowed: true },
  iris: { bioType: 'Iris', deviceSubId: 3, subTypes: ['Left', 'Right'], threshold: 'iris', exceptionsAllowed: true },
  face: { bioType: 'Face', deviceSubId: 0, subTypes: ['Face'], threshold: 'face', exceptionsAllowed: false },
};

export function modalityOf(subType: BioSubType): Modality {
  for (const m of MODALITIES) if (MODALITY_SPECS[m].subTypes.includes(subType)) return m;
  throw new Error(`No modality captures ${subType}`);
}

export interface Thresholds {
  finger: number;
  iris: number;
  face: number;
}

/** REFERENCE.md's typical thresholds (0-100); each office can change them in settings. */
export const DEFAULT_THRESHOLDS: Thresholds = { finger: 40, iris: 60, face: 50 };

/** Quality-rated attempts per modality per application; the best one is kept. */
export const MAX_ATTEMPTS = 3;

/** Passports need the face and all ten fingers; iris is captured only where an office requires it. */
export const DEFAULT_REQUIRED: readonly Modality[] = ['leftSlap', 'rightSlap', 'thumbs', 'face'];

/** Days a biometric image stays on the workstation after central confirmed receipt. */
export const DEFAULT_RETENTION_DAYS = 7;

export const EXCEPTION_REASONS = ['missing', 'amputated', 'bandaged', 'injured'] as const;
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

/** SBI RCAPTURE default timeout (REFERENCE.md: about 40 s). */
export const DEFAULT_CAPTURE_TIMEOUT_MS = 40_000;

/** SBI discovery range on 127.0.0.1. */
export const SBI_PORT_FIRST = 4501;
export const SBI_PORT_LAST = 4600;

/** Passport photo proportions (35 x 45 mm) and the stored size: 35 x 45 mm at 300 dpi. */
export const PASSPORT_PHOTO = { widthMm: 35, heightMm: 45, widthPx: 413, heightPx: 531 } as const;
