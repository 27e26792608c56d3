// i18next with Indonesian as the default and English beside it. Before login the language is the
// workstation's (remembered in localStorage); after login it is the officer's own (session.language).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@common/contract/schemas.js';
import en from './en.json';
import id from './id.json';

export const LANGUAGES: readonly Language[] = ['id', 'en'];
const STORAGE_KEY = 'loket.language';

const isLanguage = (value: unknown): value is Language => value === 'id' || value === 'en';

export function storedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable; the switch still applies to this window.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'id';
}

export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  const lng = storedLanguage() ?? 'id';
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng,
    fallbackLng: 'id',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
