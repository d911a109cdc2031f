// Maps the linter names used in the Syntax Dictionary to their implementations.
import { lintCsum, lintCsumAlpha } from "../check-digit";
import {
  lintIso3166,
  lintIso3166999,
  lintIso3166Alpha2,
  lintIso3166List,
  lintIso4217,
  lintIso5218,
  lintMediaType,
  lintPackageType,
} from "./code-list-linters";
import { lintCouponCode, lintCouponPosOffer } from "./coupon-linters";
import { lintCset39, lintCset64, lintCset82, lintCsetNumeric } from "./cset-linters";
import { lintHh, lintHhmi, lintMi, lintSs, lintYymmd0, lintYymmdd, lintYymmddhh, lintYyyymmd0, lintYyyymmdd } from "./date-time-linters";
import { lintIban } from "./iban-linter";
import {
  lintGcppos1,
  lintGcppos2,
  lintHasNonDigit,
  lintHyphen,
  lintImporterIdx,
  lintLatitude,
  lintLongitude,
  lintNonZero,
  lintNoZeroPrefix,
  lintPcenc,
  lintPieceOfTotal,
  lintPosInSeqSlash,
  lintWinding,
  lintYesNo,
  lintZero,
} from "./key-linters";
import type { Linter } from "./lint-result";

export const LINTERS: Readonly<Record<string, Linter>> = {
  csetnumeric: lintCsetNumeric,
  cset82: lintCset82,
  cset39: lintCset39,
  cset64: lintCset64,
  csum: lintCsum,
  csumalpha: lintCsumAlpha,
  gcppos1: lintGcppos1,
  gcppos2: lintGcppos2,
  yymmdd: lintYymmdd,
  yymmd0: lintYymmd0,
  yyyymmdd: lintYyyymmdd,
  yyyymmd0: lintYyyymmd0,
  yymmddhh: lintYymmddhh,
  hh: lintHh,
  mi: lintMi,
  ss: lintSs,
  hhmi: lintHhmi,
  hhmm: lintHhmi,
  iso3166: lintIso3166,
  iso3166999: lintIso3166999,
  iso3166alpha2: lintIso3166Alpha2,
  iso3166list: lintIso3166List,
  iso4217: lintIso4217,
  iso5218: lintIso5218,
  mediatype: lintMediaType,
  packagetype: lintPackageType,
  iban: lintIban,
  couponcode: lintCouponCode,
  couponposoffer: lintCouponPosOffer,
  zero: lintZero,
  nonzero: lintNonZero,
  yesno: lintYesNo,
  winding: lintWinding,
  hyphen: lintHyphen,
  nozeroprefix: lintNoZeroPrefix,
  hasnondigit: lintHasNonDigit,
  pieceoftotal: lintPieceOfTotal,
  posinseqslash: lintPosInSeqSlash,
  latitude: lintLatitude,
  longitude: lintLongitude,
  pcenc: lintPcenc,
  importeridx: lintImporterIdx,
};

export const CSET_LINTERS: Readonly<Record<"N" | "X" | "Y" | "Z", Linter>> = {
  N: lintCsetNumeric,
  X: lintCset82,
  Y: lintCset39,
  Z: lintCset64,
};
