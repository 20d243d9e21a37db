import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';

import { elementIn, expectRendered, untilShadow } from './support/shadow.js';

/** A host's brand: tokens on an ancestor, and `::part` rules for what tokens cannot reach. */
const BRAND = `
  .brand {
    --ls-font-family: Georgia, 'Times New Roman', serif;
    --ls-color-accent: #0b6e4f;
    --ls-color-accent-soft: #d8f3e8;
    --ls-color-focus: #0b6e4f;
    --ls-radius: 0;
    --ls-licenses-meter-height: 0.75rem;
    --ls-members-table-row-padding: 0.375rem;
  }
  .brand ls-licenses::part(pool) {
    border-inline-start: 4px solid #0b6e4f;
  }
  .brand ls-members-table::part(total) {
    color: #0b6e4f;
    font-weight: 700;
  }
`;

const meta: Meta = {
  title: 'Guides/Theming',
  tags: ['!autodocs'],
  render: () => html`
    <style>
      ${BRAND}
    </style>
    <div class="brand">
      <ls-licenses></ls-licenses>
      <ls-members-table></ls-members-table>
    </div>
  `,
};
export default meta;

type Story = StoryObj;

/** The typical team in a host's green serif brand. */
export const BrandedLicensesAndMembers: Story = {
  play: async ({ canvasElement }) => {
    const licenses = elementIn(canvasElement, 'ls-licenses');
    await expectRendered(licenses);
    const pool = await untilShadow(licenses, '[part="pool"]');
    await expect(getComputedStyle(pool).borderInlineStartColor).toBe('rgb(11, 110, 79)');
    await expect(getComputedStyle(pool).fontFamily).toContain('Georgia');
  },
};
