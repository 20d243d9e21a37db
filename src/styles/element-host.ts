import { css } from 'lit';

import { color, font } from './tokens.js';

/**
 * The host rules of the section elements: a block that its own container queries measure,
 * in the kit's font and text color, and a `hidden` attribute that wins over any `display`.
 */
export const elementHost = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: ${font.family};
    font-size: ${font.size};
    color: ${color.text};
  }

  [hidden] {
    display: none !important;
  }
`;
