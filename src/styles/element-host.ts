import { css } from 'lit';

import { color, font } from './tokens.js';

/**
 * Lets long words, such as German compounds, break at a syllable by the hyphenation rules of
 * the element's `lang`, and anywhere else before they overflow. Names, emails, tokens and form
 * values are not hyphenated, because a hyphen would look like part of them.
 */
export const wordBreaking = css`
  :host {
    overflow-wrap: break-word;
    hyphens: auto;
  }

  bdi,
  code,
  input,
  select,
  textarea {
    hyphens: manual;
  }
`;

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

  ${wordBreaking}

  [hidden] {
    display: none !important;
  }
`;
