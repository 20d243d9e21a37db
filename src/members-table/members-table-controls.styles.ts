import { css } from 'lit';

import { color, font, radius, space } from '../styles/tokens.js';

/** The toolbar, row controls, menus and details of `<ls-members-table>`. */
export const controlStyles = css`
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${space} calc(${space} * 1.5);
    padding: calc(${space} * 1.5) calc(${space} * 2);
    border-bottom: 1px solid ${color.border};
  }

  [part='toolbar'] label:not(.checkbox) {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }

  [part='toolbar'] .search {
    flex: 1 1 14rem;
  }

  .field-label {
    color: ${color.textMuted};
    font-size: ${font.sizeSmall};
    font-weight: 600;
  }

  input[type='search'],
  select {
    box-sizing: border-box;
    min-height: 2rem;
    max-width: 100%;
    padding: 0.25rem 0.5rem;
    border: 1px solid ${color.border};
    border-radius: ${radius};
    background: ${color.surface};
    color: ${color.text};
    font: inherit;
  }

  input[type='search'] {
    width: 100%;
  }

  .checkbox {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2rem;
  }

  input[type='checkbox'] {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: ${color.accent};
  }

  .sort-button {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 1.5rem;
    margin: -0.25rem -0.375rem;
    padding: 0.25rem 0.375rem;
    border: none;
    background: transparent;
    color: inherit;
    font: inherit;
    letter-spacing: inherit;
    text-transform: inherit;
  }

  .sort-indicator {
    display: inline-flex;
    width: 12px;
  }

  .sort-indicator.ascending {
    transform: rotate(180deg);
  }

  .name-cell {
    display: flex;
    align-items: flex-start;
    gap: ${space};
    min-width: 0;
  }

  .identity {
    min-width: 0;
  }

  .disclosure {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    padding: 0;
    border: none;
    background: transparent;
    color: ${color.textMuted};
  }

  .disclosure .icon {
    transform: rotate(-90deg);
    transition: transform 120ms ease;
  }

  /* A collapsed chevron points along the reading direction: right in LTR, left in RTL. */
  :host(:dir(rtl)) .disclosure .icon {
    transform: rotate(90deg);
  }

  .disclosure[aria-expanded='true'] .icon,
  :host(:dir(rtl)) .disclosure[aria-expanded='true'] .icon {
    transform: none;
  }

  .name.placeholder {
    font-style: italic;
  }

  .placeholder-note {
    display: block;
    color: ${color.textMuted};
    font-size: ${font.sizeSmall};
  }

  .menu-trigger {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 1.5rem;
    padding: 0.125rem 0.5rem;
  }

  .menu-trigger.license {
    padding: 0;
    border: none;
    background: transparent;
    color: inherit;
    font-weight: inherit;
  }

  .menu-trigger.license:hover {
    background: transparent;
    text-decoration: underline;
  }

  .menu-trigger.assign {
    color: ${color.textMuted};
    font-size: ${font.sizeSmall};
  }

  .menu {
    box-sizing: border-box;
    min-width: 12rem;
    max-width: min(20rem, calc(100vw - 1rem));
    padding: 0.25rem;
    border: 1px solid ${color.border};
    border-radius: ${radius};
    background: ${color.surface};
    color: ${color.text};
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
    font-family: ${font.family};
    font-size: ${font.size};
  }

  .menu-item {
    display: grid;
    width: 100%;
    min-height: 2rem;
    padding: 0.375rem 0.5rem 0.375rem 1.75rem;
    border: none;
    border-radius: calc(${radius} - 2px);
    background: transparent;
    color: inherit;
    text-align: start;
    position: relative;
  }

  .menu-item:focus-visible,
  .menu-item:hover {
    outline-offset: -2px;
    background: ${color.accentSoft};
  }

  .menu-item[aria-checked='true']::before {
    content: '✓';
    position: absolute;
    inset-inline-start: 0.5rem;
    top: 0.375rem;
    color: ${color.accent};
  }

  .menu-item[aria-disabled='true'] {
    color: ${color.textMuted};
    cursor: not-allowed;
  }

  .menu-item-note {
    color: ${color.textMuted};
    font-size: ${font.sizeSmall};
  }

  .invitation-status {
    display: inline-flex;
    flex: 1 1 9rem;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    min-width: 0;
  }

  .inline-actions {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }

  button.small {
    min-height: 1.5rem;
    padding: 0.125rem 0.5rem;
    font-size: ${font.sizeSmall};
  }

  button.danger {
    border-color: ${color.danger};
    color: ${color.danger};
  }

  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  button[aria-busy='true'] {
    cursor: progress;
  }

  .spinner {
    display: inline-block;
    flex: none;
    width: 0.75rem;
    height: 0.75rem;
    margin-inline-end: 0.25rem;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -0.125rem;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }

    .disclosure .icon {
      transition: none;
    }
  }

  /* Author display values would otherwise override the hidden attribute in narrow layouts. */
  tr[hidden] {
    display: none !important;
  }

  tr.expanded > * {
    border-bottom-color: transparent;
  }

  .details-row > td {
    background: ${color.surfaceRaised};
    overflow-wrap: anywhere;
  }

  .details {
    display: grid;
    gap: calc(${space} * 2);
  }

  .details dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: ${space} calc(${space} * 2);
    margin: 0;
  }

  .details dt {
    color: ${color.textMuted};
    font-size: ${font.sizeSmall};
    font-weight: 600;
  }

  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .admin-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: calc(${space} * 2);
  }

  .admin-controls .field {
    display: grid;
    gap: 0.25rem;
  }

  .permissions {
    display: grid;
    gap: ${space};
    flex: 1 1 18rem;
  }

  .permissions fieldset {
    display: grid;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    border: none;
  }

  .permissions legend {
    margin-bottom: 0.25rem;
    padding: 0;
    color: ${color.textMuted};
    font-size: ${font.sizeSmall};
    font-weight: 600;
  }

  .permissions .checkbox {
    flex-wrap: wrap;
  }

  .permissions .small-text {
    flex-basis: 100%;
    padding-inline-start: 1.5rem;
    font-size: ${font.sizeSmall};
  }

  .permissions button {
    justify-self: start;
  }

  [part='reason'] {
    flex-basis: 100%;
    margin: 0;
    padding: ${space};
    border-radius: ${radius};
    background: ${color.warningSoft};
    color: ${color.warning};
  }

  .row-error-row > td {
    padding-top: 0;
  }

  [part='row-error'] {
    display: flex;
    align-items: flex-start;
    gap: ${space};
    padding: ${space};
    overflow-wrap: anywhere;
    border-radius: ${radius};
    background: ${color.dangerSoft};
    color: ${color.danger};
  }

  [part='row-error'] > span {
    flex: 1 1 auto;
    min-width: 0;
  }

  /* 24 by 24 CSS pixels at least, the smallest target WCAG 2.2 allows (2.5.8, Target Size). */
  [part='dismiss-button'] {
    flex: none;
    min-width: 1.5rem;
    min-height: 1.5rem;
    padding: 0.125rem 0.5rem;
    border-color: currentColor;
    background: transparent;
    color: inherit;
  }

  /* In the stacked layout the details and error rows span the row without a column label. */
  @container (max-width: 36rem) {
    tbody .details-row > td,
    tbody .row-error-row > td {
      display: block;
    }

    tbody .details-row > td::before,
    tbody .row-error-row > td::before {
      content: none;
    }
  }

  @media (forced-colors: active) {
    .menu,
    [part='reason'],
    [part='row-error'] {
      border: 1px solid CanvasText;
    }
  }

  /*
   * A select is as wide as its longest option, such as a long pool name. On narrow containers
   * each field's single column may shrink, so the select's max-width resolves to the field.
   */
  @container (max-width: 36rem) {
    [part='toolbar'] label:not(.checkbox) {
      grid-template-columns: minmax(0, 1fr);
      max-width: 100%;
    }
  }
`;
