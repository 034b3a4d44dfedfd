import type { Bilingual, Lang } from '../../shared/i18n.js';
import type { LabelLike } from './water-connection.api.js';

/** Reads a server label in any of its shapes, falling back to our own [zh, en] pair. */
export function labelText(lang: Lang, label: LabelLike, fallback?: Bilingual, raw?: string | null): string {
  if (typeof label === 'string' && label) return label;
  if (Array.isArray(label)) return lang === 'en' ? label[1] : label[0];
  if (label && typeof label === 'object' && 'zh' in label) return lang === 'en' ? label.en : label.zh;
  if (fallback) return lang === 'en' ? fallback[1] : fallback[0];
  return raw ?? '—';
}
