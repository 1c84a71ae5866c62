import type { Fixture, FixtureCard, FixtureMember, FixtureProduct } from './fixture';
import { newCardApplyNo, newCardNumber, newCvc, newPar, unique } from './identifiers';

/** The sandbox's mutable world: the fixture, plus the cards issued since the last reset. */

export type Member = Omit<FixtureMember, 'scenarios'>;
export type Product = Omit<FixtureProduct, 'scenarios'>;
export type Card = Omit<FixtureCard, 'scenarios'>;

export interface NewCard {
  owner: string;
  product: Product;
  withPhysicalCard: boolean;
  withMobileCard: boolean;
  isNamed: boolean;
  limits?: Card['limits'];
  bankInfo?: Card['bankInfo'];
  now: Date;
}

export interface IssuedCard {
  card: Card;
  /** Shown once in the issuance answer, never stored (like the platform would not). */
  mobileCardCVC?: string;
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

  constructor(private readonly fixture: Fixture) {
    this.reset();
  }

  reset(): void {
    const copy = structuredClone(this.fixture);
    this.members = new Map(copy.members.map((m) => [m.userId, withoutScenarios(m)]));
    this.products = new Map(copy.products.map((p) => [p.serviceId, withoutScenarios(p)]));
    this.cards = copy.cards.map(withoutScenarios);
  }

  member(userId: string): Member | undefined {
    return this.members.get(userId);
  }

  product(serviceId: string): Product | undefined {
    return this.products.get(serviceId);
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

  issue(request: NewCard): IssuedCard {
    const { product, now } = request;
    const numberPrefix = product.type === 'debit' ? '9491' : '9490';
    const newNumber = () =>
      unique(
        () => newCardNumber(numberPrefix),
        (n) => this.cardByNumber(n) !== undefined,
      );
    const card: Card = {
      par: unique(newPar, (par) => this.cardByPar(par) !== undefined),
      owner: request.owner,
      serviceId: product.serviceId,
      cardApplyNo: unique(
        () => newCardApplyNo(now),
        (no) => this.cards.some((c) => c.cardApplyNo === no),
      ),
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
    };
    if (request.withMobileCard) card.mobileCardNo = newNumber();
    if (request.withPhysicalCard) {
      card.physicalCardNo = newNumber();
      card.physicalCardStatus = 'SUSPENDED';
    }
    if (request.limits) card.limits = { ...request.limits };
    if (request.bankInfo) card.bankInfo = { ...request.bankInfo };
    this.cards.push(card);
    return { card, mobileCardCVC: card.mobileCardNo ? newCvc() : undefined };
  }
}
