import { css } from 'lit';

import { color, colorScheme, focusRing, font, radius, space } from '../styles/tokens.js';

export const styles = [
  colorScheme,
  focusRing,
  css`
    :host {
      display: contents;
      font-family: ${font.family};
      font-size: ${font.size};
    }

    [part='dialog'] {
      box-sizing: border-box;
      width: min(var(--ls-confirm-dialog-width, 28rem), calc(100vw - 2rem));
      max-height: calc(100dvh - 2rem);
      padding: calc(${space} * 3);
      border: 1px solid ${color.border};
      border-radius: ${radius};
      background: ${color.surface};
      color: ${color.text};
      box-shadow: 0 12px 32px rgb(0 0 0 / 0.25);
      overflow-wrap: anywhere;
    }

    [part='dialog']::backdrop {
      background: var(--ls-confirm-dialog-backdrop, rgb(15 17 22 / 0.5));
    }

    [part='heading'] {
      margin: 0 0 ${space};
      font-size: 1rem;
      font-weight: 600;
    }

    [part='message'] {
      margin: 0 0 calc(${space} * 3);
      color: ${color.textMuted};
    }

    [part='actions'] {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: ${space};
    }

    button {
      min-height: 2rem;
      padding: calc(${space} * 0.75) calc(${space} * 1.5);
      border: 1px solid ${color.border};
      border-radius: ${radius};
      background: ${color.surface};
      color: ${color.text};
      font: inherit;
      cursor: pointer;
    }

    button:hover {
      background: ${color.surfaceRaised};
    }

    [part='confirm-button'] {
      border-color: ${color.accent};
      background: ${color.accent};
      color: ${color.accentText};
      font-weight: 600;
    }

    [part='confirm-button']:hover {
      background: ${color.accent};
      filter: brightness(1.1);
    }

    .danger [part='confirm-button'] {
      border-color: ${color.danger};
      background: ${color.danger};
      color: ${color.surface};
    }

    @media (forced-colors: active) {
      [part='confirm-button'] {
        border: 2px solid ButtonText;
      }
    }
  `,
];
