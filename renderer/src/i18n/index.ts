// Sets up i18next: Chinese by default, English on request, the choice remembered on this PC.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh } from './zh';
import { en } from './en';
import { evidenceZh, evidenceEn } from './evidence';
import { reportsZh, reportsEn } from './reports';
import { conflictsZh, conflictsEn } from './conflicts';
import { correctionsZh, correctionsEn } from './corrections';
import { inspectionsZh, inspectionsEn } from './inspections';
import { exchangeZh, exchangeEn } from './exchange';
import { dailyZh, dailyEn } from './daily';
import { backupZh, backupEn } from './backup';
import { securityZh, securityEn } from './security';
import { lockZh, lockEn } from './lock';
import { fullWidthPunctuation } from '../../../shared/zh-punctuation';

/** Each screen's own dictionary: Chinese first, English with the same keys (one line per namespace). */
const NAMESPACES = {
  evidence: [evidenceZh, evidenceEn],
  reports: [reportsZh, reportsEn],
  conflicts: [conflictsZh, conflictsEn],
  corrections: [correctionsZh, correctionsEn],
  inspections: [inspectionsZh, inspectionsEn],
  exchange: [exchangeZh, exchangeEn],
  daily: [dailyZh, dailyEn],
  backup: [backupZh, backupEn],
  security: [securityZh, securityEn],
  lock: [lockZh, lockEn],
} as const;

export const LANGUAGES = [
  { id: 'zh', label: '中文' },
  { id: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['id'];

const STORAGE_KEY = 'fazhi.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zh } & { [K in keyof typeof NAMESPACES]: (typeof NAMESPACES)[K][0] };
  }
}

function savedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable; the choice then lasts for this session only.
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(lang);
}

/** The Chinese dictionaries with full-width punctuation, however they were typed. */
function punctuated<T>(dict: T): T {
  if (typeof dict === 'string') return fullWidthPunctuation(dict) as T;
  if (dict && typeof dict === 'object') return Object.fromEntries(Object.entries(dict).map(([k, v]) => [k, punctuated(v)])) as T;
  return dict;
}

export function initI18n(): typeof i18n {
  const lng = savedLanguage();
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  void i18n.use(initReactI18next).init({
    resources: {
      zh: punctuated({ translation: zh, ...Object.fromEntries(Object.entries(NAMESPACES).map(([k, v]) => [k, v[0]])) }),
      en: { translation: en, ...Object.fromEntries(Object.entries(NAMESPACES).map(([k, v]) => [k, v[1]])) },
    },
    ns: ['translation', ...Object.keys(NAMESPACES)],
    defaultNS: 'translation',
    lng,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n;
}

export { i18n };
