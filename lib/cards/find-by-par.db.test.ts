import { expect, it } from 'vitest';
import type { MemberCard } from '@/lib/domain/cards';
import { recordCardObservations } from '@/lib/audit/card-state/record-observations';
import { describeOnDatabases, MEMBER, PAR_A, PAR_B } from '@/lib/audit/testing/database-suite';
import { memberOfSeenCard } from './find-by-par';

const card = (par: string, balance = 1000) =>
  ({
    par,
    serviceId: 'SVC000000000001',
    serviceName: 'Prepaid',
    serviceImageUrl: 'https://example.test/card.png',
    mobileCardStatus: 'ACTIVE',
    expiryDate: '20301231',
    balance,
    pendingAmount: 0,
    cardLifeStatus: '60',
    cardBizStatus: '60',
  }) as MemberCard;

describeOnDatabases('the member of a card seen by PAR', (fresh) => {
  it('finds the member of a card the console has seen, and nothing for one it has not', async () => {
    const db = await fresh();
    expect(await memberOfSeenCard(PAR_A, { db })).toBeUndefined();
    await recordCardObservations(MEMBER, [card(PAR_A)], { db });
    expect(await memberOfSeenCard(PAR_A, { db })).toBe(MEMBER);
    expect(await memberOfSeenCard(PAR_B, { db })).toBeUndefined();
  });

  it('answers with the latest sighting', async () => {
    const db = await fresh();
    await recordCardObservations('1000000001', [card(PAR_B)], { db });
    await recordCardObservations('1000000002', [card(PAR_B, 2000)], { db });
    expect(await memberOfSeenCard(PAR_B, { db })).toBe('1000000002');
  });
});
