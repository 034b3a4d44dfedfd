import { rgb } from 'pdf-lib';

/**
 * Page and type settings, after GB/T 9704-2012 (党政机关公文格式) adapted to forms: A4, top margin 37 mm,
 * 宋体 body, red 版头, page numbers at the foot. Sizes use the Chinese 号 scale in points:
 * 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9.
 */
const MM = 72 / 25.4;

export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginTop: 37 * MM,
  marginBottom: 30 * MM,
  marginLeft: 26 * MM,
  marginRight: 26 * MM,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

export const SIZE = {
  masthead: 26,
  title: 22,
  subtitle: 14,
  heading1: 14,
  heading2: 12,
  body: 12,
  table: 10.5,
  footer: 9,
  runningHeader: 9,
  qrCaption: 7,
} as const;

/** Line height as a multiple of the font size. */
export const LEADING = {
  title: 1.45,
  body: 1.75,
  table: 1.45,
} as const;

export const COLOR = {
  text: rgb(0, 0, 0),
  /** 版头 red (GB/T 9704 asks for red; this is the usual CMYK 0/100/100/10 seen on screen). */
  red: rgb(0.8, 0.05, 0.05),
  muted: rgb(0.35, 0.35, 0.35),
  rule: rgb(0.55, 0.55, 0.55),
  labelFill: rgb(0.94, 0.94, 0.94),
  headerFill: rgb(0.88, 0.88, 0.88),
  border: rgb(0, 0, 0),
} as const;

export const TABLE = {
  padX: 4,
  padY: 3.5,
  borderWidth: 0.6,
  frameWidth: 1.1,
} as const;

export const QR = {
  size: 62,
  /** Distance from the top edge of the page to the top of the code (it sits in the top margin). */
  top: 9 * MM,
} as const;

/** Height of the free area left for each party's signature or seal (a round official seal is ~40 mm). */
export const SIGNATURE_AREA_HEIGHT = 30 * MM;

/** Footer rule and text positions from the bottom edge. */
export const FOOTER = {
  ruleY: 21 * MM,
  textY: 15 * MM,
} as const;

export const MM_TO_PT = MM;
