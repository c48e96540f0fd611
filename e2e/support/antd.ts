import type { Page } from 'playwright-core';

/** Opens an antd Select by its test id and picks the option with the given text. */
export async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Opens an antd TreeSelect by its test id and picks the node with the given text. */
export async function chooseInTree(page: Page, testId: string, node: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper')
    .filter({ hasText: node })
    .first()
    .click();
}

/** Types a date into an antd DatePicker (YYYY-MM-DD) and confirms it. */
export async function typeDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter would also submit the surrounding form.
  await input.press('Tab');
}
