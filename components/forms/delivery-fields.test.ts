import { describe, expect, it } from 'vitest';
import { deliverySummary, initialDelivery } from './delivery-fields';

describe('delivery fields', () => {
  it('open empty, delivered unless told otherwise', () => {
    expect(initialDelivery()).toEqual({ delivery: 'delivery', address: '', addressDetail: '', zipCode: '' });
    expect(initialDelivery('mobile-only').delivery).toBe('mobile-only');
  });

  it('restate where the card goes, or that it is not delivered', () => {
    const address = { address: '서울특별시 중구 세종대로 110', addressDetail: '3층', zipCode: '04524' };
    expect(deliverySummary({ delivery: 'delivery', ...address })).toEqual(['Delivery', '서울특별시 중구 세종대로 110 3층 (04524)']);
    expect(deliverySummary({ delivery: 'mobile-only', ...address })).toEqual(['Delivery', 'Mobile card only']);
  });
});
