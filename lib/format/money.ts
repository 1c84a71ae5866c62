const krw = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' });
const count = new Intl.NumberFormat('ko-KR');

/** Won as operators read them: `₩1,234,000`. */
export function formatKrw(amount: number): string {
  return krw.format(amount);
}

/** A plain count with thousands separators (points): `12,500`. */
export function formatCount(value: number): string {
  return count.format(value);
}
