import { css } from 'lit';

import { rowWindowStyles } from '../controllers/row-window.styles.js';
import {
  color,
  colorScheme,
  focusRing,
  font,
  radius,
  space,
  visuallyHidden,
} from '../styles/tokens.js';
import { wordBreaking } from '../styles/element-host.js';
import { controlStyles } from './members-table-controls.styles.js';

export const styles = [
  colorScheme,
  focusRing,
  visuallyHidden,
  controlStyles,
  rowWindowStyles,
  wordBreaking,
  css`
    :host {
      display: block;
      container-type: inline-size;
      font-family: ${font.family};
      font-size: ${font.size};
      color: ${color.text};
    }

    [part='base'] {
      background: ${color.surface};
      border: 1px solid ${color.border};
      border-radius: ${radius};
      overflow: hidden;
    }

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${space};
      padding: calc(${space} * 1.5) calc(${space} * 2);
      border-bottom: 1px solid ${color.border};
      position: relative;
    }

    /*
     * The notice covers the end of the header instead of taking space in it, so that the rows
     * stay where they are when it appears. Its text can wrap to two lines within the header.
     */
    .live-notice {
      position: absolute;
      inset-block: 0;
      inset-inline-end: 0;
      display: flex;
      align-items: center;
      box-sizing: border-box;
      max-width: 70%;
      margin: 0;
      padding-inline: ${space} calc(${space} * 2);
      background: ${color.warningSoft};
      font-size: ${font.sizeSmall};
      line-height: 1.25;
    }

    /* Kept in the accessibility tree while empty, so that its text is announced when it appears. */
    .live-notice:empty {
      padding: 0;
      background: none;
    }

    .title {
      margin: 0;
      font-size: 1rem;
      font-weight: 600;
    }

    .total {
      color: ${color.textMuted};
      unicode-bidi: isolate;
    }

    /*
     * Narrow viewports scroll the table sideways inside this wrapper instead of the page. It
     * clips its content anyway, and paint containment lets Chromium keep the table's painting
     * when something outside it changes, such as the search field on each keystroke.
     */
    [part='scroller'] {
      overflow-x: auto;
      overscroll-behavior-x: contain;
      contain: paint;
    }

    table {
      width: 100%;
      min-width: 44rem;
      border-collapse: collapse;
    }

    th,
    td {
      padding: var(--ls-members-table-row-padding, calc(${space} * 1.25)) calc(${space} * 2);
      text-align: start;
      vertical-align: middle;
      border-bottom: 1px solid ${color.border};
    }

    thead th {
      background: ${color.surfaceRaised};
      color: ${color.textMuted};
      font-size: ${font.sizeSmall};
      font-weight: 600;
      letter-spacing: 0.02em;
      text-transform: uppercase;
      white-space: nowrap;
    }

    tbody tr:last-child > * {
      border-bottom: none;
    }

    tbody th {
      font-weight: normal;
    }

    /*
     * Long names and emails without spaces wrap anywhere, and the name column stops growing at
     * its max-width, so one long value cannot widen every row and push the other columns away.
     */
    .name-cell {
      max-width: 28rem;
    }

    /* A typical email stays on one line when longer labels, such as German ones, widen the
       other columns. Only wide tables have room for it without scrolling sideways. */
    @container (width > 60rem) {
      .name-cell {
        min-width: 15rem;
      }
    }

    .name {
      display: block;
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .email {
      display: block;
      color: ${color.textMuted};
      overflow-wrap: anywhere;
    }

    [part~='badge'] {
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
      padding: 0.125em 0.5em;
      border-radius: 999px;
      font-size: ${font.sizeSmall};
      font-weight: 500;
      white-space: nowrap;
    }

    [part~='license-badge'] {
      background: ${color.accentSoft};
      color: ${color.accent};
    }

    [part~='status-badge'] {
      background: ${color.warningSoft};
      color: ${color.warning};
    }

    [part~='status-badge'].expired {
      background: ${color.dangerSoft};
      color: ${color.danger};
    }

    [part~='legacy-key'] {
      background: ${color.warningSoft};
      color: ${color.warning};
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    }

    .plan {
      opacity: 0.8;
    }

    .muted {
      color: ${color.textMuted};
    }

    .skeleton {
      display: block;
      height: 0.75em;
      width: var(--width, 60%);
      border-radius: 4px;
      background: ${color.skeleton};
      animation: pulse 1.2s ease-in-out infinite;
    }

    @keyframes pulse {
      50% {
        opacity: 0.45;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .skeleton {
        animation: none;
      }
    }

    .empty {
      padding: calc(${space} * 4) calc(${space} * 2);
      text-align: center;
      color: ${color.textMuted};
    }

    [part='error'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${space};
      padding: ${space} calc(${space} * 2);
      background: ${color.dangerSoft};
      color: ${color.danger};
      border-bottom: 1px solid ${color.border};
    }

    footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${space};
      padding: ${space} calc(${space} * 2);
      border-top: 1px solid ${color.border};
      color: ${color.textMuted};
    }

    button {
      font: inherit;
      padding: calc(${space} * 0.75) calc(${space} * 1.5);
      border-radius: ${radius};
      border: 1px solid ${color.border};
      background: ${color.surface};
      color: ${color.text};
      cursor: pointer;
    }

    button:hover {
      background: ${color.surfaceRaised};
    }

    button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }

    /* 24 by 24 CSS pixels, the smallest target WCAG 2.2 allows (2.5.8, Target Size). */
    .unassign {
      display: inline-grid;
      place-items: center;
      width: 1.5rem;
      height: 1.5rem;
      margin-block: -0.25rem;
      margin-inline-end: -0.375rem;
      padding: 0;
      border: none;
      border-radius: 999px;
      background: transparent;
      color: inherit;
      font-size: 1rem;
      line-height: 1;
    }

    .unassign:hover {
      background: ${color.accent};
      color: ${color.accentText};
    }

    [part='retry-button'] {
      border-color: currentColor;
      color: ${color.danger};
      background: transparent;
    }

    /*
     * Narrow containers stack each member's cells under the name, labelled by their column,
     * so nothing needs sideways scrolling. Wider ones that still overflow scroll the table.
     */
    @container (max-width: 36rem) {
      table {
        min-width: 0;
      }

      /* A long pool name wraps in its badge instead of widening every stacked row. */
      [part~='badge'] {
        max-width: 100%;
        white-space: normal;
        overflow-wrap: anywhere;
      }

      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }

      tbody tr {
        display: block;
        padding: calc(${space} * 1.5) calc(${space} * 2);
        border-bottom: 1px solid ${color.border};
      }

      tbody tr:last-child {
        border-bottom: none;
      }

      tbody th {
        display: block;
        padding: 0 0 ${space};
        border: none;
      }

      tbody td {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem ${space};
        padding: 0.25rem 0;
        border: none;
      }

      tbody td::before {
        content: attr(data-label);
        flex: 0 0 8rem;
        color: ${color.textMuted};
        font-size: ${font.sizeSmall};
        text-transform: uppercase;
        letter-spacing: 0.02em;
      }

      tbody td.empty {
        display: block;
      }

      tbody td.empty::before,
      tr.skeleton-row td::before {
        content: none;
      }
    }

    @media (forced-colors: active) {
      [part~='badge'] {
        border: 1px solid CanvasText;
      }
    }
  `,
];
