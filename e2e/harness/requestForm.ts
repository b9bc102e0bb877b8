// Filling the request editor the way a user does, shared by the specs that build requests by hand.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export type RequestSection = 'Params' | 'Headers' | 'Body' | 'Auth & signing';

export async function openSection(page: Page, name: RequestSection) {
  await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: new RegExp(`^${name.replace('&', '\\&')}`) }).click();
}

/** Types the URL and waits until the editor shows it (the field re-renders variables as it goes). */
export async function setUrl(page: Page, value: string) {
  const url = page.getByRole('textbox', { name: 'URL', exact: true });
  await url.fill(value);
  await expect(url).toHaveText(value);
}

/** POST Action=GetCallerIdentity to `endpoint` as a form body; signing is left to the caller. */
export async function fillGetCallerIdentity(page: Page, endpoint: string) {
  await page.getByLabel('Method').selectOption('POST');
  await setUrl(page, `${endpoint}/`);
  await openSection(page, 'Body');
  await page.getByRole('radio', { name: 'x-www-form-urlencoded' }).check();
  for (const [i, [key, value]] of [['Action', 'GetCallerIdentity'], ['Version', '2011-06-15']].entries()) {
    await page.getByRole('button', { name: '+ Add field' }).click();
    await page.getByLabel(`Field name ${i + 1}`).fill(key as string);
    await page.getByLabel(`Field value ${i + 1}`).fill(value as string);
  }
}
