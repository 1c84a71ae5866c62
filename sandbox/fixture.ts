import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { applyNoDate, DELIVERY_STATUSES } from './delivery';
import { luhnValid } from './identifiers';
import { ENDPOINT_KEYS } from './result-codes';

/** The sandbox's seed data: members, card products and cards, with the scenarios they produce. */

export const DEFAULT_FIXTURE_URL = new URL('./fixture.json', import.meta.url);

const userId = z.string().regex(/^[1-9]\d{0,18}$/, 'a digit string of 1 to 19 digits, no leading zero');
const amount = z.number().int().min(0).max(9_999_999_999);
const cardNo = z
  .string()
  .regex(/^\d{16}$/, '16 digits')
  .refine(luhnValid, 'not Luhn-valid');
const yyyyMMdd = z
  .string()
  .regex(/^\d{8}$/, 'yyyyMMdd')
  .refine((value) => {
    const date = new Date(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10).replace(/-/g, '') === value;
  }, 'not a real date');
const cardStatus = z.enum(['ACTIVE', 'SUSPENDED']);

export const scenarioSchema = z.object({
  endpoint: z.enum(ENDPOINT_KEYS),
  code: z.string().regex(/^\d{3}_\d{3}$/),
  description: z.string().min(1),
  /** Merged over the request derived from the entity it is attached to; null removes a key. */
  request: z.record(z.string(), z.unknown()).optional(),
});

const addressSchema = z.object({
  address: z.string().min(1).max(255),
  addressDetail: z.string().min(1).max(255),
  zipCode: z.string().regex(/^\d{5}$/, '5 digits'),
});

/** What "Search for Member Information" answers besides the name; never a resident registration number. */
const profileSchema = z.object({
  loginId: z.string().min(1).max(50),
  email: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address'),
  mobileNumber: z.string().regex(/^01\d-\d{3,4}-\d{4}$/, 'a Korean mobile number, 010-1234-5678'),
  birthDate: yyyyMMdd,
  gender: z.enum(['M', 'F']),
  /** ISO 3166-1 alpha-2. */
  nationality: z.string().regex(/^[A-Z]{2}$/),
  joinChannel: z.enum(['APP', 'WEB', 'PARTNER']).optional(),
  addressInfo: addressSchema.optional(),
});

const memberSchema = z.object({
  userId,
  name: z.string().min(1),
  profile: profileSchema.optional(),
  authenticated: z.boolean(),
  bankAccount: z.enum(['valid', 'invalid', 'none']),
  feePaymentFails: z.boolean().default(false),
  identityCheckFails: z.boolean().default(false),
  digitalDownloadFails: z.boolean().default(false),
  scenarios: z.array(scenarioSchema).default([]),
});

const limitsSchema = z.object({ day: amount, once: amount, month: amount });

const productSchema = z
  .object({
    serviceId: z.string().length(15),
    name: z.string().min(1).max(255),
    imageUrl: z.string().min(1).max(255),
    type: z.enum(['prepaid', 'debit']),
    /** A normal-type product always comes with a delivered physical card. */
    issueType: z.enum(['normal', 'mobile']),
    affiliateId: z.string().length(15),
    reissuable: z.boolean(),
    requiresAuthentication: z.boolean(),
    /** Charged to the member's bank account on reissuance; 0 = free. */
    reissueFee: amount,
    minRechargeAmount: amount,
    maxRealNameRechargeAmount: amount,
    maxNonRealNameRechargeAmount: amount,
    rechargeUnitAmt: amount.optional(),
    rechargeable: z.boolean(),
    personalRechargeable: z.boolean(),
    refundable: z.boolean(),
    remittable: z.boolean(),
    overseaPaymentable: z.boolean(),
    enableVirtualAccountPendingAmount: z.boolean(),
    virtualAccountMaxPendingAmount: amount,
    debit: z
      .object({
        bankCode: z.string().regex(/^\d{3}$/),
        bankName: z.string().min(1).max(10),
        supportsFIC: z.boolean(),
        /** Whether issuance includes a mobile card besides the physical one. */
        mobileCard: z.boolean(),
        limits: limitsSchema,
        failures: z
          .object({
            invalidIssueType: z.boolean().default(false),
            appletUnsupported: z.boolean().default(false),
            digitalDownloadFails: z.boolean().default(false),
            notDigitalPreIssue: z.boolean().default(false),
            noSiblingProduct: z.boolean().default(false),
          })
          .default({
            invalidIssueType: false,
            appletUnsupported: false,
            digitalDownloadFails: false,
            notDigitalPreIssue: false,
            noSiblingProduct: false,
          }),
      })
      .optional(),
    scenarios: z.array(scenarioSchema).default([]),
  })
  .refine((product) => (product.type === 'debit') === (product.debit !== undefined), {
    message: 'debit products, and only they, have "debit"',
    path: ['debit'],
  })
  .refine((product) => product.maxNonRealNameRechargeAmount <= product.maxRealNameRechargeAmount, {
    message: 'maxNonRealNameRechargeAmount above maxRealNameRechargeAmount',
    path: ['maxNonRealNameRechargeAmount'],
  });

const cardSchema = z
  .object({
    par: z.string().length(27),
    /** The member holding the card; null for an unregistered card. */
    owner: userId.nullable(),
    serviceId: z.string().length(15),
    cardApplyNo: z.string().length(22).optional(),
    mobileCardNo: cardNo.optional(),
    mobileCardStatus: cardStatus,
    physicalCardNo: cardNo.optional(),
    physicalCardStatus: cardStatus.optional(),
    expiryDate: yyyyMMdd,
    /** Fixture-only secret, so that unregistered-card lookups can match. */
    cvc: z.string().regex(/^\d{3}$/).optional(),
    balance: amount,
    pendingAmount: amount,
    isNamed: z.boolean(),
    autoReloadStatus: z.enum(['ACTIVE', 'INACTIVE', 'NONE']).optional(),
    limits: limitsSchema.optional(),
    bankInfo: z
      .object({ bankName: z.string().min(1).max(10), accountNo: z.string().regex(/^\d{1,20}$/), enableFIC: z.boolean() })
      .optional(),
    cardPointInfo: z
      .array(
        z.object({
          pointPolicyId: z.string().length(15),
          pointName: z.string().min(1).max(255),
          remainingPoint: amount,
          autoUse: z.boolean(),
        }),
      )
      .optional(),
    cardLifeStatus: z.enum(['30', '60', '90']),
    cardBizStatus: z.enum(['31', '35', '36', '3A', '60', '61']),
    accTransferStatus: z.enum(['0', '1']),
    reissueInProgress: z.boolean().default(false),
    /** The mobile card has been used (paid with, topped up): its application can no longer be cancelled. */
    mobileCardUsed: z.boolean().default(false),
    /**
     * The card's application (cardApplyNo): when it was made (default: the day inside the
     * number; "today" and "yesterday" are relative to the sandbox's reset) and a delivery
     * status that stays put (default: it follows the sandbox clock from that day).
     */
    application: z
      .object({
        appliedOn: z.union([z.enum(['today', 'yesterday']), yyyyMMdd]).optional(),
        deliveryStatus: z.enum(DELIVERY_STATUSES).optional(),
      })
      .optional(),
    scenarios: z.array(scenarioSchema).default([]),
  })
  .refine((card) => (card.physicalCardNo === undefined) === (card.physicalCardStatus === undefined), {
    message: 'physicalCardNo and physicalCardStatus go together',
    path: ['physicalCardStatus'],
  })
  .refine((card) => card.mobileCardNo !== undefined || card.physicalCardNo !== undefined, {
    message: 'a card needs a mobile or a physical card number',
    path: ['mobileCardNo'],
  })
  .refine((card) => card.application === undefined || card.cardApplyNo !== undefined, {
    message: 'an application needs a cardApplyNo',
    path: ['application'],
  })
  .refine((card) => card.application?.deliveryStatus === undefined || card.physicalCardNo !== undefined, {
    message: 'only a card with a physical card is delivered',
    path: ['application', 'deliveryStatus'],
  })
  .refine(
    (card) => card.cardApplyNo === undefined || card.application?.appliedOn !== undefined || applyNoDate(card.cardApplyNo) !== undefined,
    { message: 'no real day inside the number (AP + yyMMdd + 14): give application.appliedOn', path: ['cardApplyNo'] },
  );

export const fixtureSchema = z
  .object({
    members: z.array(memberSchema),
    products: z.array(productSchema),
    cards: z.array(cardSchema),
    /** Scenarios tied to no entity (bad input, unknown members); their request is complete. */
    scenarios: z.array(scenarioSchema.required({ request: true })).default([]),
  })
  .superRefine((fixture, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const duplicates = <T>(items: T[], key: (item: T) => string | undefined, path: (i: number) => (string | number)[]) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const value = key(item);
        if (value === undefined) return;
        if (seen.has(value)) issue(path(i), `duplicate ${value}`);
        seen.add(value);
      });
    };
    duplicates(fixture.members, (m) => m.userId, (i) => ['members', i, 'userId']);
    duplicates(fixture.products, (p) => p.serviceId, (i) => ['products', i, 'serviceId']);
    duplicates(fixture.cards, (c) => c.par, (i) => ['cards', i, 'par']);
    duplicates(fixture.cards, (c) => c.cardApplyNo, (i) => ['cards', i, 'cardApplyNo']);
    const numbers = fixture.cards.flatMap((card, i) =>
      [['mobileCardNo', card.mobileCardNo] as const, ['physicalCardNo', card.physicalCardNo] as const].map(
        ([field, value]) => ({ value, path: ['cards', i, field] }),
      ),
    );
    duplicates(numbers, (n) => n.value, (i) => numbers[i]?.path ?? []);

    const members = new Set(fixture.members.map((m) => m.userId));
    const products = new Map(fixture.products.map((p) => [p.serviceId, p]));
    fixture.cards.forEach((card, i) => {
      if (card.owner !== null && !members.has(card.owner)) issue(['cards', i, 'owner'], `no member ${card.owner}`);
      const product = products.get(card.serviceId);
      if (!product) issue(['cards', i, 'serviceId'], `no product ${card.serviceId}`);
      const debitFields = card.limits !== undefined || card.bankInfo !== undefined;
      if (product && debitFields && product.type !== 'debit') {
        issue(['cards', i, 'bankInfo'], 'limits and bankInfo belong to debit cards only');
      }
    });
  });

export type Fixture = z.output<typeof fixtureSchema>;
export type FixtureMember = Fixture['members'][number];
export type FixtureProduct = Fixture['products'][number];
export type FixtureCard = Fixture['cards'][number];
export type FixtureScenario = z.output<typeof scenarioSchema>;

export class FixtureError extends Error {}

/** Validates a fixture; the error names each bad path, e.g. "cards[3].mobileCardNo: not Luhn-valid". */
export function parseFixture(data: unknown, source = 'fixture'): Fixture {
  const parsed = fixtureSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    return `  ${path.replace(/^\./, '') || '(root)'}: ${issue.message}`;
  });
  throw new FixtureError(`Invalid sandbox fixture ${source}:\n${problems.join('\n')}`);
}

export function loadFixture(path: string | URL = DEFAULT_FIXTURE_URL): Fixture {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FixtureError(`Cannot read sandbox fixture ${String(path)}: ${(error as Error).message}`);
  }
  return parseFixture(data, String(path));
}
