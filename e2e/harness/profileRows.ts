// A profile row in the Profiles listbox. A row is named by everything it shows (the profile's name first, then its
// badges and facts), so a row is found by a name that starts with the profile's name as a whole word.
import type { Locator, Page } from '@playwright/test';

export function profileRow(scope: Page | Locator, name: string): Locator {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByRole('option', { name: new RegExp(`^${escaped}(?:\\s|$)`) });
}
