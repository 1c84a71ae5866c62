import { describe, expect, it } from 'vitest';
import { reissueAvailability } from './reissue-availability';

const card = (cardBizStatus: string, cardLifeStatus = '60') => ({ cardBizStatus, cardLifeStatus });

describe('reissueAvailability', () => {
  it('offers reissuance for a card suspended as lost, to agents and QA', () => {
    expect(reissueAvailability(card('31', '30'), ['agent'])).toEqual({ offered: true, reason: 'the card is suspended as lost.' });
    expect(reissueAvailability(card('31'), ['qa']).offered).toBe(true);
  });

  it('never offers it to managers or admins, who do not act on cards', () => {
    expect(reissueAvailability(card('31'), ['manager'])).toEqual({ offered: false, reason: 'your role does not reissue cards.' });
    expect(reissueAvailability(card('31'), ['admin']).offered).toBe(false);
  });

  it.each([
    ['60', '60', 'report it lost first'],
    ['3A', '30', 'already been reissued'],
    ['61', '60', 'lost report was released'],
    ['35', '30', 'expired'],
    ['36', '30', 'before receipt'],
    ['31', '90', 'deleted'],
  ])('says why not for business status %s (life %s)', (biz, life, why) => {
    const availability = reissueAvailability(card(biz, life), ['agent']);
    expect(availability.offered).toBe(false);
    expect(availability.reason).toContain(why);
  });

  it('refuses a card the member does not hold', () => {
    expect(reissueAvailability(undefined, ['agent']).offered).toBe(false);
  });
});
