import type { CardStateField } from '@/lib/domain/audit';
import {
  decodeBizStatus,
  decodeLifeStatus,
  decodeMobileStatus,
  decodePhysicalStatus,
  type DecodedStatus,
} from '@/lib/domain/card-status';
import type { LocaleFormat } from '@/lib/format/locale-format';

/** A recorded card-state value as an operator reads it, with the stored value kept for QA. */
export interface CardStateValue {
  /** "Suspended: reissued", "₩2,000,000", "2030-12-31" (in the reader's language); "—" when there is none. */
  text: string;
  /** The stored value ("3A", "2000000", "20301231"); null when there is none. */
  code: string | null;
  /** State codes only: the decoded status, for a StatusChip (same words as the card list). */
  status?: DecodedStatus;
}

const STATUS_DECODERS: Partial<Record<CardStateField, (code: string) => DecodedStatus>> = {
  lifeStatus: decodeLifeStatus,
  bizStatus: decodeBizStatus,
  mobileStatus: decodeMobileStatus,
  physicalStatus: decodePhysicalStatus,
};

/** Whole won as stored: anything else (a decimal point, a typo upstream) is shown as stored. */
const WON = /^-?[0-9]{1,15}$/;

/** `format`: the reader's dates and won (useLocaleFormat); `statusWords`: a state's words (useStatusWords). */
export function describeCardStateValue(
  field: CardStateField,
  value: string | null | undefined,
  format: LocaleFormat,
  statusWords: (status: DecodedStatus) => string,
): CardStateValue {
  if (value === null || value === undefined || value === '') return { text: '—', code: null };
  const decode = STATUS_DECODERS[field];
  if (decode) {
    const status = decode(value);
    return { text: statusWords(status), code: value, status };
  }
  if (field === 'balance' || field === 'pendingAmount') return { text: WON.test(value) ? format.krw(Number(value)) : value, code: value };
  return { text: format.compactDate(value), code: value };
}
