import { css } from 'lit';

import { elementHost } from '../styles/element-host.js';
import { color, colorScheme, focusRing, font, radius, space } from '../styles/tokens.js';

export const styles = [
  colorScheme,
  focusRing,
  elementHost,
  css`
    [part='base'] {
      display: grid;
      gap: calc(${space} * 1.5);
      padding: calc(${space} * 2);
      background: ${color.surface};
      border: 1px solid ${color.border};
      border-radius: ${radius};
    }

    .title,
    p,
    dl,
    dd {
      margin: 0;
    }

    .title {
      font-size: 1rem;
      font-weight: 600;
    }

    .muted {
      color: ${color.textMuted};
    }

    dl {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
      gap: ${space} calc(${space} * 2);
    }

    dt {
      color: ${color.textMuted};
      font-size: ${font.sizeSmall};
      font-weight: 600;
      letter-spacing: 0.02em;
      text-transform: uppercase;
    }

    code,
    input {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    }

    code {
      overflow-wrap: anywhere;
    }

    .new-token {
      display: grid;
      gap: ${space};
      padding: calc(${space} * 1.5);
      background: ${color.warningSoft};
      border-radius: ${radius};
    }

    .warning {
      color: ${color.text};
    }

    label {
      font-weight: 600;
    }

    .copy-row {
      display: flex;
      flex-wrap: wrap;
      gap: ${space};
    }

    input {
      flex: 1 1 16rem;
      min-width: 0;
      min-height: 2.25rem;
      box-sizing: border-box;
      padding: calc(${space} * 0.75) ${space};
      font-size: ${font.size};
      color: ${color.text};
      background: ${color.surface};
      border: 1px solid ${color.textMuted};
      border-radius: ${radius};
    }

    .copy-result:empty {
      display: none;
    }

    .grace-period {
      display: grid;
      gap: calc(${space} * 0.5);
      margin: 0;
      padding: ${space} calc(${space} * 1.5);
      border: 1px solid ${color.border};
      border-radius: ${radius};
    }

    .grace-period legend {
      padding: 0 calc(${space} * 0.5);
      font-weight: 600;
    }

    .choice {
      display: flex;
      align-items: center;
      gap: ${space};
      font-weight: normal;
    }

    /* 24 px, the minimum target size of WCAG 2.2 (2.5.8). */
    .choice input {
      flex: none;
      min-height: 0;
      width: 1.5rem;
      height: 1.5rem;
      margin: 0;
    }

    .revoked {
      margin: 0;
      padding: calc(${space} * 1.5);
      list-style: none;
      background: ${color.warningSoft};
      border-radius: ${radius};
    }

    .previous {
      display: grid;
      gap: ${space};
      padding: calc(${space} * 1.5);
      background: ${color.warningSoft};
      border-radius: ${radius};
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${space};
    }

    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: ${space};
      justify-self: start;
      min-height: 2.25rem;
      padding: calc(${space} * 0.75) calc(${space} * 1.5);
      font: inherit;
      color: ${color.text};
      background: ${color.surface};
      border: 1px solid ${color.textMuted};
      border-radius: ${radius};
      cursor: pointer;
    }

    button:disabled {
      cursor: default;
      opacity: 0.7;
    }

    [part='rotate-button'] {
      color: ${color.danger};
      border-color: currentColor;
    }

    [part='copy-button'] {
      color: ${color.accentText};
      background: ${color.accent};
      border-color: transparent;
      font-weight: 600;
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

    .spinner {
      width: 1em;
      height: 1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }

    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 2.4s;
      }
    }
  `,
];
