import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';

import { emptyWorkspace } from '../server/browser/scenarios.js';
import type { LsKeyMigration } from '../src/index.js';
import {
  elementIn,
  eventually,
  expectRendered,
  inShadow,
  textOf,
  untilShadow,
} from './support/shadow.js';

const meta: Meta = {
  title: 'Elements/ls-key-migration',
  component: 'ls-key-migration',
  render: () => html`<ls-key-migration></ls-key-migration>`,
};
export default meta;

type Story = StoryObj;

function memberCards(migration: LsKeyMigration): Element[] {
  return [...(migration.shadowRoot?.querySelectorAll('[part="member"]') ?? [])];
}

/** Returns the current step of the member card with the given name, such as `'2'`. */
function currentStepOf(migration: LsKeyMigration, name: string): string | null {
  const card = memberCards(migration).find(
    (candidate) => textOf(candidate.querySelector('.name')) === name,
  );
  return card?.querySelector('[aria-current="step"]')?.getAttribute('data-step') ?? null;
}

/** Members of the demo workspace at each of the four steps. */
export const MembersAtEachStep: Story = {
  play: async ({ canvasElement }) => {
    const migration = elementIn(canvasElement, 'ls-key-migration');
    await expectRendered(migration);
    await untilShadow(migration, '[part="member"] [aria-current="step"]');
    const counts = [...(migration.shadowRoot?.querySelectorAll('[part="count"] .count') ?? [])];
    await expect(counts.map((count) => textOf(count))).toEqual(['3', '3', '2', '2']);
  },
};

/**
 * Assigns a license to a member at step 1, which moves them to step 2 on the in-browser
 * server's migration rules.
 */
export const AssignAtStepOne: Story = {
  play: async ({ canvasElement }) => {
    const migration = elementIn(canvasElement, 'ls-key-migration');
    await expectRendered(migration);
    const assign = await untilShadow(migration, '[part="member"] [part="assign-button"]');
    const card = assign.closest('[part="member"]');
    const name = textOf(card?.querySelector('.name'));
    await expect(currentStepOf(migration, name)).toBe('1');

    await userEvent.click(assign);
    await eventually(() => expect(currentStepOf(migration, name)).toBe('2'));
    await expect(textOf(inShadow(migration, '[part="count"][data-step="1"] .count'))).toBe('2');
  },
};

/** A member sees the steps without the select and the buttons. */
export const MemberView: Story = {
  parameters: { lsAdmin: { signInAs: 'member' } },
  play: async ({ canvasElement }) => {
    const migration = elementIn(canvasElement, 'ls-key-migration');
    await expectRendered(migration);
    await untilShadow(migration, '[part="member"] [aria-current="step"]');
    await expect(inShadow(migration, '[part="assign-button"]')).toBeNull();
    await expect(inShadow(migration, '[part="remove-button"]')).toBeNull();
  },
};

/** No member has a legacy key any more. */
export const NoLegacyKeys: Story = {
  parameters: { lsAdmin: { scenario: emptyWorkspace } },
  play: async ({ canvasElement }) => {
    const migration = elementIn(canvasElement, 'ls-key-migration');
    await expectRendered(migration);
    const empty = await untilShadow(migration, '[part="empty"]');
    await expect(textOf(empty)).toContain('No legacy API keys are left.');
  },
};

/** The migration request fails once; Retry loads it. */
export const LoadFailedThenRetry: Story = {
  parameters: { lsAdmin: { faults: { failNext: 1, failPath: '/migration' } } },
  play: async ({ canvasElement }) => {
    const migration = elementIn(canvasElement, 'ls-key-migration');
    await expectRendered(migration);
    await userEvent.click(await untilShadow(migration, '[part="retry-button"]'));
    await untilShadow(migration, '[part="member"] [aria-current="step"]');
    await expect(inShadow(migration, '[part="error"]')).toBeNull();
  },
};

/** The steps in the dark color scheme. */
export const Dark: Story = {
  globals: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    const migration = elementIn(canvasElement, 'ls-key-migration');
    await expectRendered(migration);
    await untilShadow(migration, '[part="member"] [aria-current="step"]');
  },
};
