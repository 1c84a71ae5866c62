/**
 * Masks a card number to first 6 / last 4 (the most the house rules allow to show),
 * grouped like the card face: `123456******1234` → `1234 56•• •••• 1234`.
 */
export function maskCardNumber(cardNo: string): string {
  const digits = cardNo.replace(/\D/g, '');
  if (digits.length < 12) return '•'.repeat(Math.max(digits.length, 4));
  const masked = digits.slice(0, 6) + '•'.repeat(digits.length - 10) + digits.slice(-4);
  return masked.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Masks a bank account number, keeping its last 4 digits. */
export function maskAccountNumber(accountNo: string): string {
  const visible = accountNo.slice(-4);
  return '•'.repeat(Math.max(accountNo.length - 4, 2)) + visible;
}
