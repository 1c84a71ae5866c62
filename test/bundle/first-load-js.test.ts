import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstLoadJs } from '@/scripts/bench/first-load-js';

/**
 * Runs after `next build`: the JS a browser loads on a route's first visit, gzipped (how it is
 * measured: scripts/bench/first-load-js.ts, shared with `npm run bench`). Each route's size is in
 * its test's name; the card list, the page agents live on, has a budget.
 */
const CARD_LIST_ROUTE = '/members/[userId]';
/**
 * kB = 1000 bytes, gzipped. Issue #12's bar: 294 kB when measured first, 308 with the
 * translations' runtime, 302.5 with the list rendered on the server, 287.2 with the page and the
 * frame as plain elements and the schemas on zod/mini, 211.0 with MUI's components and theme out
 * of the frame (the root layout keeps only emotion's cache), 178.3 with the catalogues compiled
 * at build (no ICU parser) and the search and note forms' rules deferred (no zod).
 */
const CARD_LIST_BUDGET_KB = 180;

/**
 * kB gzipped, the managers' pages (issue #16) as measured first (audit 269, findings 263, access
 * review 262, overview 372) with a little room. Only the overview carries the charts (@mui/x-charts,
 * about 100 kB): the others' budgets leave no room for them.
 */
const REVIEW_BUDGETS_KB: Record<string, number> = {
  '/audit': 280,
  '/review': 275,
  '/review/access': 275,
  '/review/overview': 385,
};

const routes = existsSync('.next/BUILD_ID') ? firstLoadJs() : [];
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe('first-load JS', () => {
  it('is read from the build (run `npm run build` first), card list included', () => {
    expect(routes.map((r) => r.route)).toContain(CARD_LIST_ROUTE);
  });

  // Not vacuous if the build's manifests change shape: each route must list chunks of its own
  // segments, beyond the runtime every page shares.
  for (const r of routes) {
    it(`${r.route}: ${kB(r.gzipBytes)} gzipped`, () => {
      expect(r.segmentChunks).toBeGreaterThan(0);
      expect(r.gzipBytes).toBeGreaterThan(0);
    });
  }

  it(`card list (${CARD_LIST_ROUTE}) is within ${CARD_LIST_BUDGET_KB} kB gzipped`, () => {
    const cardList = routes.find((r) => r.route === CARD_LIST_ROUTE);
    expect(cardList, 'no card-list route in the build').toBeDefined();
    expect(cardList!.gzipBytes / 1000).toBeLessThanOrEqual(CARD_LIST_BUDGET_KB);
  });

  for (const [route, budget] of Object.entries(REVIEW_BUDGETS_KB)) {
    it(`${route} is within ${budget} kB gzipped`, () => {
      const found = routes.find((r) => r.route === route);
      expect(found, `no ${route} in the build`).toBeDefined();
      expect(found!.gzipBytes / 1000).toBeLessThanOrEqual(budget);
    });
  }
});
