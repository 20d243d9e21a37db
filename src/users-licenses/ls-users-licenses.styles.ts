import { css } from 'lit';

import { color, colorScheme, font, space } from '../styles/tokens.js';

export const styles = [
  colorScheme,
  css`
    :host {
      display: block;
      container-type: inline-size;
      font-family: ${font.family};
      font-size: ${font.size};
      color: ${color.text};
    }

    [part='base'] {
      display: grid;
      gap: var(--ls-users-licenses-gap, 1.5rem);
      min-width: 0;
    }

    [part='header'] {
      display: grid;
      gap: calc(${space} / 2);
    }

    [part='heading'],
    ::slotted([slot='heading']) {
      margin: 0;
      font-size: 1.5rem;
      font-weight: 650;
    }

    .subtitle {
      margin: 0;
      color: ${color.textMuted};
      overflow-wrap: anywhere;
    }

    section {
      display: grid;
      gap: calc(${space} * 1.5);
      min-width: 0;
    }

    [part='section-heading'] {
      margin: 0;
      font-size: 1.125rem;
      font-weight: 600;
    }

    .licenses-grid {
      display: grid;
      gap: calc(${space} * 1.5);
      align-items: start;
    }

    /* Wide containers put the pools beside the migration, which is the longer of the two. */
    @container (min-width: 64rem) {
      .licenses-grid {
        grid-template-columns: minmax(18rem, 1fr) 2fr;
      }

      /* The migration runs much longer, so the pools stay in view beside it while scrolling. */
      ls-licenses {
        position: sticky;
        top: ${space};
      }
    }
  `,
];
