import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * The whole i18n system: Chinese first, English alongside, written at the place of use as t('中文', 'English').
 * No dictionary files to keep in sync; the chosen language is kept in localStorage and sent to the API as
 * Accept-Language so problem titles come back in the same language.
 */
export type Lang = 'zh' | 'en';
/** A label in both languages: [zh, en]. */
export type Bilingual = readonly [string, string];

const STORAGE_KEY = 'ys.lang';

function readStoredLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = readStoredLang();

/** The language outside React (the API client reads it for Accept-Language). */
export function currentLang(): Lang {
  return current;
}

/** Pick one side of a pair in the current language, for code outside React. */
export function tr(zh: string, en: string): string {
  return current === 'en' ? en : zh;
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (zh: string, en: string) => string;
  /** t() for a [zh, en] pair. */
  pick: (pair: Bilingual) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, onChange }: { children: ReactNode; onChange?: (lang: Lang) => void }) {
  const [lang, setLangState] = useState<Lang>(current);
  const setLang = useCallback(
    (next: Lang) => {
      current = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode or storage full: the choice still holds for this page.
      }
      document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
      setLangState(next);
      onChange?.(next);
    },
    [onChange],
  );
  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (zh, en) => (lang === 'en' ? en : zh),
      pick: (pair) => (lang === 'en' ? pair[1] : pair[0]),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
