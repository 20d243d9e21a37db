import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';

import { allSeatsTaken, emptyWorkspace, expiredPool } from '../server/browser/scenarios.js';
import {
  elementIn,
  eventually,
  expectRendered,
  inShadow,
  textOf,
  untilShadow,
} from './support/shadow.js';

const meta: Meta = {
  title: 'Elements/ls-licenses',
  component: 'ls-licenses',
  render: () => html`<ls-licenses></ls-licenses>`,
};
export default meta;

type Story = StoryObj;

/** Two pools of the demo workspace with a few free seats. */
export const TypicalTeam: Story = {
  play: async ({ canvasElement }) => {
    const licenses = elementIn(canvasElement, 'ls-licenses');
    await expectRendered(licenses);
    const pool = await untilShadow(licenses, '[data-pool-id="lic_enterprise"]');
    await expect(textOf(pool)).toContain('10 of 12 seats used');
  },
};

/** Every seat taken: the meters turn the warning color and each pool is marked "Full". */
export const AllSeatsTaken: Story = {
  parameters: { lsAdmin: { scenario: allSeatsTaken } },
  play: async ({ canvasElement }) => {
    const licenses = elementIn(canvasElement, 'ls-licenses');
    await expectRendered(licenses);
    await untilShadow(licenses, '[part="pool"]');
    const full = licenses.shadowRoot?.querySelectorAll('.badge.full') ?? [];
    await expect(full).toHaveLength(2);
  },
};

/** The Team pool expired yesterday. */
export const ExpiredPool: Story = {
  parameters: { lsAdmin: { scenario: expiredPool } },
  play: async ({ canvasElement }) => {
    const licenses = elementIn(canvasElement, 'ls-licenses');
    await expectRendered(licenses);
    const pool = await untilShadow(licenses, '[data-pool-id="lic_team"]');
    await expect(textOf(pool)).toContain('Expired');
  },
};

/** A workspace without license pools. */
export const NoPools: Story = {
  parameters: { lsAdmin: { scenario: emptyWorkspace } },
  play: async ({ canvasElement }) => {
    const licenses = elementIn(canvasElement, 'ls-licenses');
    await expectRendered(licenses);
    await eventually(() =>
      expect(textOf(inShadow(licenses, '[part="base"]'))).toContain('no license pools'),
    );
  },
};

/** "Show members" lists the holders of the Enterprise pool. */
export const PoolHolders: Story = {
  play: async ({ canvasElement }) => {
    const licenses = elementIn(canvasElement, 'ls-licenses');
    await expectRendered(licenses);
    const pool = await untilShadow(licenses, '[data-pool-id="lic_enterprise"]');
    await userEvent.click(pool.querySelector('[part="holders-button"]') as HTMLElement);
    await eventually(() =>
      expect(pool.querySelectorAll('[part="holders"] li').length).toBeGreaterThan(0),
    );
  },
};

/** The first licenses request fails; Retry loads them. */
export const LoadFailedThenRetry: Story = {
  parameters: { lsAdmin: { faults: { failNext: 1, failPath: '/licenses' } } },
  play: async ({ canvasElement }) => {
    const licenses = elementIn(canvasElement, 'ls-licenses');
    await expectRendered(licenses);
    const alert = await untilShadow(licenses, '[part="error"]');
    await userEvent.click(alert.querySelector('button') as HTMLElement);
    await untilShadow(licenses, '[part="pool"]');
    await expect(inShadow(licenses, '[part="error"]')).toBeNull();
  },
};

/** The typical team in the dark color scheme. */
export const Dark: Story = {
  globals: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    const licenses = elementIn(canvasElement, 'ls-licenses');
    await expectRendered(licenses);
    await untilShadow(licenses, '[part="pool"]');
  },
};
