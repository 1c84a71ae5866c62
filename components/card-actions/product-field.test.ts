import { describe, expect, it } from 'vitest';
import { describeProduct } from './product-field';

describe('describeProduct', () => {
  const products = [{ serviceId: 'PREPAIDNORMAL01', serviceName: 'Everyday prepaid' }];

  it('names a known product with its id, and an unknown one by its id alone', () => {
    expect(describeProduct(products, 'PREPAIDNORMAL01')).toBe('Everyday prepaid (PREPAIDNORMAL01)');
    expect(describeProduct(products, 'SVCPP0000000101')).toBe('SVCPP0000000101');
  });
});
