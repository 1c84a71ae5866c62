import { applyNoDate, DAY_MS, flowStatus, kstMorningOf, type DeliveryStatus } from './delivery';
import type { Fixture, FixtureCard, FixtureMember, FixtureProduct } from './fixture';
import { newCardApplyNo, newCardNumber, newCvc, newPar, unique } from './identifiers';

/**
 * The sandbox's mutable world: the fixture, plus the cards issued since the last reset, the
 * card applications and their deliveries, and the sandbox's clock.
 */

export type Member = Omit<FixtureMember, 'scenarios'>;
export type Product = Omit<FixtureProduct, 'scenarios'>;
export type Card = Omit<FixtureCard, 'scenarios' | 'application'> & {
  /** The physical card reached the member: only then can its status be ACTIVE. */
  physicalReceived: boolean;
};

/** One card application (issuance or reissuance), named by its cardApplyNo. */
export interface Application {
  cardApplyNo: string;
  owner: string;
  /** The card the application created. */
  par: string;
  appliedAt: Date;
  /** A physical card is delivered; false for a mobile-only application. */
  delivery: boolean;
  /** Set by the fixture, by QA or by a cancellation: the clock no longer moves the delivery. */
  pinnedStatus?: DeliveryStatus;
  /** A reissuance: the card it replaces. */
  replacesPar?: string;
}

export interface NewCard {
  owner: string;
  product: Product;
  withPhysicalCard: boolean;
  withMobileCard: boolean;
  /** Whether the physical card is delivered; defaults to withPhysicalCard. */
  delivered?: boolean;
  isNamed: boolean;
  limits?: Card['limits'];
  bankInfo?: Card['bankInfo'];
  /** A reissuance: the par of the card replaced. */
  replacesPar?: string;
  now: Date;
}

export interface IssuedCard {
  card: Card;
  /** Shown once in the issuance answer, never stored (like the platform would not). */
  mobileCardCVC?: string;
}

export interface StateOptions {
  /** Sandbox minutes between two delivery steps. */
  deliveryStepMinutes: number;
}

function withoutScenarios<T extends { scenarios: unknown }>(entity: T): Omit<T, 'scenarios'> {
  const copy: Partial<T> = { ...entity };
  delete copy.scenarios;
  return copy as Omit<T, 'scenarios'>;
}

/** yyyyMMdd of the last day of the month, `years` after `now`. */
function expiryAfter(now: Date, years: number): string {
  const last = new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth() + 1, 0));
  return last.toISOString().slice(0, 10).replace(/-/g, '');
}

export class SandboxState {
  private members = new Map<string, Member>();
  private products = new Map<string, Product>();
  private cards: Card[] = [];
  private applications = new Map<string, Application>();
  private clockOffsetMs = 0;
  readonly deliveryStepMinutes: number;

  constructor(
    private readonly fixture: Fixture,
    options: Partial<StateOptions> = {},
  ) {
    this.deliveryStepMinutes = options.deliveryStepMinutes ?? 1440;
    this.reset();
  }

  /** Back to the fixture; the clock back to the wall clock. */
  reset(): void {
    this.clockOffsetMs = 0;
    const now = this.now();
    const copy = structuredClone(this.fixture);
    this.members = new Map(copy.members.map((m) => [m.userId, withoutScenarios(m)]));
    this.products = new Map(copy.products.map((p) => [p.serviceId, withoutScenarios(p)]));
    this.applications = new Map();
    this.cards = copy.cards.map((fixtureCard) => {
      const { application: given, ...rest } = withoutScenarios(fixtureCard);
      let application: Application | undefined;
      if (rest.cardApplyNo !== undefined && rest.owner !== null) {
        const appliedOn = given?.appliedOn;
        const appliedAt =
          appliedOn === 'today'
            ? now
            : appliedOn === 'yesterday'
              ? new Date(now.getTime() - DAY_MS)
              : // The fixture schema guarantees a day, given or inside the number.
                kstMorningOf(appliedOn ?? applyNoDate(rest.cardApplyNo) ?? '20200101');
        application = {
          cardApplyNo: rest.cardApplyNo,
          owner: rest.owner,
          par: rest.par,
          appliedAt,
          delivery: rest.physicalCardNo !== undefined,
          pinnedStatus: given?.deliveryStatus,
        };
        this.applications.set(application.cardApplyNo, application);
      }
      // A fixture card's physical card was received unless its delivery has not arrived yet.
      const received = rest.physicalCardNo !== undefined && (!application || this.deliveryStatus(application, now) === 'ARRIVAL');
      return { ...rest, physicalReceived: received };
    });
  }

  /** The sandbox's clock: the wall clock, moved forward by QA (control endpoint). */
  now(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  get clockOffset(): number {
    return this.clockOffsetMs;
  }

  member(userId: string): Member | undefined {
    return this.members.get(userId);
  }

  product(serviceId: string): Product | undefined {
    return this.products.get(serviceId);
  }

  allProducts(): Product[] {
    return [...this.products.values()];
  }

  cardsOf(userId: string): Card[] {
    return this.cards.filter((card) => card.owner === userId);
  }

  cardByPar(par: string): Card | undefined {
    return this.cards.find((card) => card.par === par);
  }

  cardByNumber(cardNo: string): Card | undefined {
    return this.cards.find((card) => card.physicalCardNo === cardNo || card.mobileCardNo === cardNo);
  }

  application(cardApplyNo: string): Application | undefined {
    return this.applications.get(cardApplyNo);
  }

  /** Every application, or a member's, oldest first. */
  applicationList(owner?: string): Application[] {
    return [...this.applications.values()]
      .filter((application) => owner === undefined || application.owner === owner)
      .sort((a, b) => a.appliedAt.getTime() - b.appliedAt.getTime());
  }

  /** Where the delivery stands at `now`; undefined for a mobile-only application. */
  deliveryStatus(application: Application, now: Date = this.now()): DeliveryStatus | undefined {
    if (!application.delivery) return undefined;
    return (
      application.pinnedStatus ??
      flowStatus(now.getTime() - application.appliedAt.getTime(), this.deliveryStepMinutes * 60_000)
    );
  }

  /** Applies what the clock did since the last request: delivered physical cards reach their members. */
  settle(now: Date = this.now()): void {
    for (const application of this.applications.values()) {
      if (this.deliveryStatus(application, now) !== 'ARRIVAL') continue;
      const card = this.cardByPar(application.par);
      if (card) this.receive(card);
    }
  }

  /**
   * The physical card arrived: it becomes usable (ACTIVE, and 36 "suspended before receipt"
   * becomes 60) unless the card is suspended or terminated, in which case a later RESUME
   * activates it. The platform's separate "Physical Card Registration" is folded in here.
   */
  private receive(card: Card): void {
    if (card.physicalReceived || card.physicalCardNo === undefined) return;
    card.physicalReceived = true;
    if (card.cardLifeStatus !== '60') return;
    if (card.cardBizStatus === '36') card.cardBizStatus = '60';
    if (card.cardBizStatus === '60' || card.cardBizStatus === '61') card.physicalCardStatus = 'ACTIVE';
  }

  /** SUSPEND: the sandbox reads every suspension as a lost report (31). */
  suspendAsLost(card: Card): void {
    card.cardBizStatus = '31';
    card.cardLifeStatus = '30';
    card.mobileCardStatus = 'SUSPENDED';
    if (card.physicalCardNo !== undefined) card.physicalCardStatus = 'SUSPENDED';
  }

  /** RESUME of a card suspended as lost: 61 "lost report released", usable again. */
  releaseLost(card: Card): void {
    card.cardBizStatus = '61';
    card.cardLifeStatus = '60';
    card.mobileCardStatus = 'ACTIVE';
    if (card.physicalCardNo !== undefined) card.physicalCardStatus = card.physicalReceived ? 'ACTIVE' : 'SUSPENDED';
  }

  /**
   * A cancelled application: the delivery is CANCEL, the card is terminated (life 90, kept in
   * the member's list, both cards SUSPENDED) and a replaced card goes back to "suspended: lost".
   */
  cancel(application: Application): Card | undefined {
    application.pinnedStatus = 'CANCEL';
    const card = this.cardByPar(application.par);
    if (card) {
      card.cardLifeStatus = '90';
      card.mobileCardStatus = 'SUSPENDED';
      if (card.physicalCardNo !== undefined) card.physicalCardStatus = 'SUSPENDED';
    }
    const replaced = application.replacesPar === undefined ? undefined : this.cardByPar(application.replacesPar);
    if (replaced?.cardBizStatus === '3A') {
      replaced.cardBizStatus = '31';
      replaced.cardLifeStatus = '30';
    }
    return card;
  }

  issue(request: NewCard): IssuedCard {
    const { product, now } = request;
    const numberPrefix = product.type === 'debit' ? '9491' : '9490';
    const newNumber = () =>
      unique(
        () => newCardNumber(numberPrefix),
        (n) => this.cardByNumber(n) !== undefined,
      );
    const cardApplyNo = unique(
      () => newCardApplyNo(now),
      (no) => this.applications.has(no) || this.cards.some((c) => c.cardApplyNo === no),
    );
    const card: Card = {
      par: unique(newPar, (par) => this.cardByPar(par) !== undefined),
      owner: request.owner,
      serviceId: product.serviceId,
      cardApplyNo,
      mobileCardStatus: 'ACTIVE',
      expiryDate: expiryAfter(now, 5),
      balance: 0,
      pendingAmount: 0,
      isNamed: request.isNamed,
      autoReloadStatus: 'NONE',
      cardLifeStatus: '60',
      // The mobile card works at once; the physical card stays suspended until received.
      cardBizStatus: '60',
      accTransferStatus: '0',
      reissueInProgress: false,
      mobileCardUsed: false,
      physicalReceived: false,
    };
    if (request.withMobileCard) card.mobileCardNo = newNumber();
    if (request.withPhysicalCard) {
      card.physicalCardNo = newNumber();
      card.physicalCardStatus = 'SUSPENDED';
    }
    if (request.limits) card.limits = { ...request.limits };
    if (request.bankInfo) card.bankInfo = { ...request.bankInfo };
    this.cards.push(card);
    this.applications.set(cardApplyNo, {
      cardApplyNo,
      owner: request.owner,
      par: card.par,
      appliedAt: now,
      delivery: request.withPhysicalCard && (request.delivered ?? true),
      replacesPar: request.replacesPar,
    });
    return { card, mobileCardCVC: card.mobileCardNo ? newCvc() : undefined };
  }
}
