import { css } from 'lit';

import { elementHost } from '../styles/element-host.js';
import {
  color,
  colorScheme,
  focusRing,
  font,
  radius,
  space,
  visuallyHidden,
} from '../styles/tokens.js';

export const styles = [
  colorScheme,
  focusRing,
  elementHost,
  visuallyHidden,
  css`
    [part='base'] {
      display: grid;
      gap: calc(${space} * 2);
      padding: calc(${space} * 2);
      background: ${color.surface};
      border: 1px solid ${color.border};
      border-radius: ${radius};
    }

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${space} calc(${space} * 2);
    }

    .title,
    .plan-heading,
    .pool-heading,
    p {
      margin: 0;
    }

    .title {
      font-size: 1rem;
      font-weight: 600;
    }

    .plan-heading {
      font-size: ${font.sizeSmall};
      font-weight: 600;
      letter-spacing: 0.02em;
      text-transform: uppercase;
      color: ${color.textMuted};
    }

    .pool-heading {
      font-size: ${font.size};
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .active {
      display: grid;
      gap: calc(${space} * 0.25);
      text-align: end;
    }

    .count strong {
      font-size: 1.25rem;
    }

    .rule,
    .muted,
    .plan-name {
      color: ${color.textMuted};
    }

    @container (max-width: 30rem) {
      .active {
        text-align: start;
      }
    }

    .plan {
      display: grid;
      gap: ${space};
    }

    .pools {
      display: grid;
      gap: ${space};
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .pool {
      display: grid;
      align-content: start;
      gap: ${space};
      min-width: 0;
      padding: calc(${space} * 1.5);
      background: ${color.surfaceRaised};
      border: 1px solid ${color.border};
      border-radius: ${radius};
    }

    .pool-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: calc(${space} * 0.5) ${space};
    }

    .meter {
      block-size: var(--ls-licenses-meter-height, 0.5rem);
      border-radius: 999px;
      background: ${color.border};
      overflow: hidden;
    }

    .meter-fill {
      block-size: 100%;
      border-radius: inherit;
      background: ${color.accent};
    }

    .meter.full .meter-fill {
      background: ${color.warning};
    }

    .seats,
    .expiry {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${space};
    }

    .badge {
      display: inline-flex;
      padding: 0.125em 0.5em;
      border-radius: 999px;
      font-size: ${font.sizeSmall};
      font-weight: 500;
      white-space: nowrap;
      background: ${color.accentSoft};
      color: ${color.accent};
    }

    .badge.full {
      background: ${color.warningSoft};
      color: ${color.warning};
    }

    .badge.expired {
      background: ${color.dangerSoft};
      color: ${color.danger};
    }

    button {
      min-height: 1.5rem;
      padding: calc(${space} * 0.5) ${space};
      font: inherit;
      color: ${color.text};
      background: ${color.surface};
      border: 1px solid ${color.border};
      border-radius: ${radius};
      cursor: pointer;
    }

    .disclosure {
      display: inline-flex;
      align-items: center;
      justify-self: start;
      gap: calc(${space} * 0.75);
    }

    .chevron {
      width: 0.4rem;
      height: 0.4rem;
      border-inline-end: 2px solid currentColor;
      border-block-end: 2px solid currentColor;
      transform: rotate(-45deg);
    }

    [aria-expanded='true'] .chevron {
      transform: rotate(45deg);
    }

    .holders ul {
      display: grid;
      gap: calc(${space} * 0.75);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .holders li {
      display: grid;
      justify-items: start;
      min-width: 0;
    }

    .holders .name {
      font-weight: 500;
      overflow-wrap: anywhere;
    }

    .holders .email {
      color: ${color.textMuted};
      overflow-wrap: anywhere;
    }

    .more {
      margin-top: ${space};
      color: ${color.textMuted};
    }

    .alert {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${space};
      padding: ${space} calc(${space} * 1.5);
      border-radius: ${radius};
      background: ${color.dangerSoft};
      color: ${color.danger};
    }

    @media (forced-colors: active) {
      .meter {
        border: 1px solid CanvasText;
      }

      .meter-fill {
        background: CanvasText;
      }
    }
  `,
];
