import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRendererFixture, type RendererFixture } from '../support/renderer-fixture';
import { historyWithLongFailure } from '../support/renderer-scenarios';

let fixture: RendererFixture;

beforeAll(async () => {
  fixture = await startRendererFixture();
});

afterAll(async () => {
  await fixture?.close();
});

describe('renderer build under CSP', () => {
  it('declares a strict policy', async () => {
    const double = fixture.createDouble();
    const view = await fixture.open(double, { hash: '#/recent' });
    const policy = await view.page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    const inlineScripts = await view.page.locator('script:not([src])').count();
    await view.close();

    expect(inlineScripts).toBe(0);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('loads every view without a violation', async () => {
    const hashes = ['#/popover', '#/recent', '#/settings', '#/details/h-long-failure'];
    for (const hash of hashes) {
      const double = fixture.createDouble({
        history: historyWithLongFailure(fixture.rewstBaseUrl),
      });
      const view = await fixture.open(double, { hash });
      await view.page.locator('h1').first().waitFor();
      const problems = [...view.problems];
      await view.close();

      expect(problems, hash).toEqual([]);
    }
  });

  it('blocks network requests from the page', async () => {
    const double = fixture.createDouble();
    const view = await fixture.open(double, { hash: '#/recent' });
    const outcome = await view.page.evaluate(() =>
      fetch('./index.html').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    const problems = [...view.problems];
    await view.close();

    expect(outcome).toBe('blocked');
    expect(problems.some((problem) => problem.includes('connect-src'))).toBe(true);
  });
});
