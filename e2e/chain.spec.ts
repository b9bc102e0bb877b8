// The identity chain picture in the browser against moto: a chain that works end to end, and one whose role hop
// STS refuses, drawn in light and dark themes, reachable from the keyboard, screenshotted for the issue.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ALLOW_ALL_POLICY } from '../main/testing/moto';
import { expect, test, type AwsSetup } from './harness/fixtures';
import { motoDeploySetup, useMoto } from './harness/motoLifecycle';
import { fillGetCallerIdentity, openSection, setUrl } from './harness/requestForm';

const EXTERNAL_ID = 'e2e-external-id-never-drawn';

/** Contrast ratios of the drawn text against the picture's background, as the eye meets them. */
function contrasts(page: Page) {
  return page.locator('svg.chain-diagram').evaluate((svg) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r, g, b] = rgb(css).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const fill = (el: Element | null) => getComputedStyle(el!).fill;
    const out: Record<string, number> = {};
    const bg = fill(svg.querySelector('.cc-bg'));
    for (const edge of svg.querySelectorAll('.cc-edge')) out[`edge ${edge.getAttribute('data-state')}`] = ratio(fill(edge.querySelector('.cc-headline')), bg);
    for (const node of svg.querySelectorAll('.cc-node')) {
      const box = fill(node.querySelector('rect'));
      out[`title ${node.getAttribute('data-node')}`] = ratio(fill(node.querySelector('.cc-title')), box);
      const fact = node.querySelector('.cc-fact');
      if (fact) out[`fact ${node.getAttribute('data-node')}`] = ratio(fill(fact), box);
    }
    return out;
  });
}

test.describe('identity chain picture against moto', () => {
  const motoServer = useMoto('the chain picture tests');

  const setup = (name: string, policy: object | null): Promise<AwsSetup> =>
    motoDeploySetup(motoServer(), name, { policy: policy ?? undefined, sessionName: 'e2e-chain', moreConfig: [`external_id = ${EXTERNAL_ID}`] });

  async function chooseDeploy(page: Page) {
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('profile');
    await page.getByLabel('Profile', { exact: true }).selectOption('deploy');
  }

  test('a working chain: every step ok after a send, in light and dark themes, from the keyboard', async ({ rolecall }, testInfo) => {
    test.skip(!motoServer(), 'moto_server is not on PATH');
    const { page, pageErrors } = await rolecall.open(await setup('chain-ok', ALLOW_ALL_POLICY));
    await page.setViewportSize({ width: 1400, height: 1500 });
    // GetCallerIdentity to moto: a request whose answer names the identity.
    await fillGetCallerIdentity(page, motoServer()!.endpoint);
    await chooseDeploy(page);
    await page.getByLabel('Region', { exact: true }).fill('us-east-1');
    await page.getByLabel('Service', { exact: true }).fill('sts');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Identity ARN')).toHaveText('arn:aws:sts::111111111111:assumed-role/ApiInvoker/e2e-chain');

    await page.getByRole('tab', { name: 'Chain' }).click();
    const picture = page.getByRole('group', { name: 'Identity chain' });
    await expect(picture).toBeVisible();
    await expect(picture.locator('[data-state]')).toHaveCount(3);
    await expect(picture.locator('[data-state="ok"]')).toHaveCount(3);
    const steps = picture.getByRole('listitem');
    await expect(steps.nth(0)).toHaveAttribute('aria-label', /Static keys · profile base/);
    await expect(steps.nth(1)).toHaveAttribute('aria-label', /Role ApiInvoker · profile deploy\. Account 111111111111\. Session e2e-chain\. External ID set/);
    await expect(steps.nth(2)).toHaveAttribute('aria-label', /arn:aws:sts::111111111111:assumed-role\/ApiInvoker\/e2e-chain/);
    await expect(steps.nth(3)).toHaveAttribute('aria-label', /Service sts\. Region us-east-1\. Signed request to reach it: ok \(HTTP 200\)/);
    expect(await page.content()).not.toContain(EXTERNAL_ID);

    // Keyboard: Tab reaches a step; the arrow keys walk the chain.
    await steps.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    await expect(steps.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(steps.nth(3)).toBeFocused();

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [part, ratio] of Object.entries(await contrasts(page))) expect(ratio, `${scheme}: contrast of ${part}`).toBeGreaterThanOrEqual(4.5);
      await page.locator('svg.chain-diagram').screenshot({ path: testInfo.outputPath(`chain-ok-${scheme}.png`) });
    }
    expect(pageErrors).toEqual([]);
  });

  test('a refused hop: the AssumeRole edge fails with the readable error, later steps not tried', async ({ rolecall }, testInfo) => {
    test.skip(!motoServer(), 'moto_server is not on PATH');
    const saved = testInfo.outputPath('saved');
    await mkdir(saved, { recursive: true });
    const { page, pageErrors } = await rolecall.open({ ...(await setup('chain-denied', null)), chooseSavePath: (name) => path.join(saved, name) });
    await page.setViewportSize({ width: 1400, height: 1500 });
    await setUrl(page, 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/items');
    await chooseDeploy(page);
    await page.getByRole('region', { name: 'Active identity' }).getByRole('button', { name: 'Who am I?' }).click();
    await expect(page.getByRole('region', { name: 'Active identity' }).getByRole('alert')).toContainText('STS_ACCESS_DENIED');

    await page.getByRole('tab', { name: 'Chain' }).click();
    const picture = page.getByRole('group', { name: 'Identity chain' });
    // The chain view is its own chunk, loaded on first use: wait for its edges before reading them.
    await expect(picture.locator('[data-state]')).toHaveCount(3);
    expect(await picture.locator('[data-state]').evaluateAll((edges) => edges.map((e) => e.getAttribute('data-state')))).toEqual(['failed', 'notTried', 'notTried']);
    await expect(picture.locator('[data-state="failed"]')).toContainText('refused the AssumeRole');
    await expect(picture.getByRole('listitem').nth(1)).toHaveAttribute('aria-label', /AssumeRole to reach it: failed: arn:aws:iam::111111111111:role\/ApiInvoker refused the AssumeRole/);
    await expect(picture.getByRole('listitem').nth(3)).toHaveAttribute('aria-label', /arn:aws:execute-api:us-east-1:111111111111:a1b2c3d4e5\/prod\/GET\/items/);
    await expect(page.getByRole('region', { name: 'Identity chain' })).toContainText('it broke at AssumeRole');

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [part, ratio] of Object.entries(await contrasts(page))) expect(ratio, `${scheme}: contrast of ${part}`).toBeGreaterThanOrEqual(4.5);
      await page.locator('svg.chain-diagram').screenshot({ path: testInfo.outputPath(`chain-failed-hop-${scheme}.png`) });
    }
    expect(await page.content()).not.toContain(EXTERNAL_ID);

    // Exported as a file of its own: concrete colours (the dark theme's, as shown), nothing active, no external ID.
    await page.getByRole('button', { name: 'Export as SVG' }).click();
    await expect(page.getByRole('region', { name: 'Identity chain' }).getByRole('status')).toContainText('identity-chain.svg');
    const file = await readFile(path.join(saved, 'identity-chain.svg'), 'utf8');
    expect(file.startsWith('<?xml')).toBe(true);
    expect(file).toContain('<svg');
    expect(file).toContain('refused the AssumeRole');
    expect(file).not.toContain('var(--');
    expect(file).not.toMatch(/<script|\son[a-z]+=/i);
    expect(file).not.toContain(EXTERNAL_ID);
    expect(pageErrors).toEqual([]);
  });
});
