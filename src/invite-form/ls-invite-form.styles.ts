import { css } from 'lit';

import { elementHost } from '../styles/element-host.js';
import { color, colorScheme, focusRing, radius, space } from '../styles/tokens.js';

export const styles = [
  colorScheme,
  focusRing,
  elementHost,
  css`
    [part='form'] {
      display: grid;
      gap: calc(${space} * 2);
      padding: calc(${space} * 2);
      background: ${color.surface};
      border: 1px solid ${color.border};
      border-radius: ${radius};
    }

    .fields {
      display: grid;
      gap: calc(${space} * 2);
    }

    /* Name and email side by side once there is room for both. */
    @container (min-width: 40rem) {
      .fields {
        grid-template-columns: 1fr 1fr;
        align-items: start;
      }
    }

    .field {
      display: grid;
      gap: calc(${space} * 0.5);
      min-width: 0;
    }

    label,
    legend {
      font-weight: 600;
    }

    input[type='text'],
    input[type='email'],
    select {
      box-sizing: border-box;
      width: 100%;
      min-height: 2.25rem;
      padding: calc(${space} * 0.75) ${space};
      font: inherit;
      color: inherit;
      background: ${color.surface};
      border: 1px solid ${color.textMuted};
      border-radius: ${radius};
    }

    [aria-invalid='true'] {
      border-color: ${color.danger};
    }

    .field-error {
      margin: 0;
      color: ${color.danger};
      overflow-wrap: anywhere;
    }

    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: ${space} calc(${space} * 3);
      margin: 0;
      padding: 0;
      border: none;
    }

    legend {
      padding: 0;
      margin-bottom: calc(${space} * 0.5);
    }

    fieldset .field-error {
      flex-basis: 100%;
    }

    .choice {
      display: inline-flex;
      align-items: center;
      gap: ${space};
      min-height: 1.5rem;
      font-weight: normal;
      cursor: pointer;
    }

    /* 24 by 24 CSS pixels of target with the label, and a visible box of at least 1rem. */
    .choice input {
      width: 1rem;
      height: 1rem;
      margin: 0;
      accent-color: ${color.accent};
    }

    .license {
      display: grid;
      gap: ${space};
    }

    .license .field {
      max-inline-size: 28rem;
      padding-inline-start: calc(1rem + ${space});
    }

    .alert {
      padding: ${space} calc(${space} * 1.5);
      border-radius: ${radius};
      background: ${color.dangerSoft};
      color: ${color.danger};
      overflow-wrap: anywhere;
    }

    .actions {
      display: flex;
      justify-content: flex-end;
    }

    [part='submit-button'] {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: ${space};
      min-height: 2.25rem;
      padding: calc(${space} * 0.75) calc(${space} * 2);
      font: inherit;
      font-weight: 600;
      color: ${color.accentText};
      background: ${color.accent};
      border: 1px solid transparent;
      border-radius: ${radius};
      cursor: pointer;
    }

    [part='submit-button']:disabled {
      cursor: progress;
      opacity: 0.75;
    }

    @container (max-width: 24rem) {
      [part='submit-button'] {
        width: 100%;
      }
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

    .notice,
    .loading {
      margin: 0;
      padding: calc(${space} * 1.5) calc(${space} * 2);
      color: ${color.textMuted};
      background: ${color.surfaceRaised};
      border: 1px solid ${color.border};
      border-radius: ${radius};
    }

    @media (forced-colors: active) {
      [part='submit-button'] {
        border-color: ButtonText;
      }
    }
  `,
];
