import { css } from 'lit';

import {
  color,
  colorScheme,
  focusRing,
  font,
  radius,
  space,
  visuallyHidden,
} from '../styles/tokens.js';

const currentStep = css`var(--ls-key-migration-current-step, ${color.accent})`;

export const styles = [
  colorScheme,
  focusRing,
  visuallyHidden,
  css`
    :host {
      display: block;
      container-type: inline-size;
      font-family: ${font.family};
      font-size: ${font.size};
      color: ${color.text};
    }

    [part='base'] {
      position: relative;
      background: ${color.surface};
      border: 1px solid ${color.border};
      border-radius: ${radius};
      padding: calc(${space} * 2);
      overflow-wrap: anywhere;
    }

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${space};
      margin-bottom: calc(${space} * 1.5);
    }

    .title {
      margin: 0;
      font-size: 1rem;
      font-weight: 600;
    }

    .member-heading {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: ${space};
      margin: 0;
      font-size: ${font.size};
      font-weight: 600;
    }

    p {
      margin: 0;
    }

    .muted,
    .email,
    .key,
    .hint,
    .usage,
    .last-use {
      color: ${color.textMuted};
      font-weight: normal;
    }

    .notice {
      padding: calc(${space} * 1.5);
      border-radius: ${radius};
      background: ${color.warningSoft};
      border-inline-start: 4px solid ${color.warning};
      line-height: 1.5;
    }

    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: ${space};
      margin: calc(${space} * 2) 0;
      padding: 0;
      list-style: none;
    }

    [part='count'] {
      display: flex;
      flex-direction: column;
      padding: ${space} calc(${space} * 1.5);
      border: 1px solid ${color.border};
      border-radius: ${radius};
      background: ${color.surfaceRaised};
    }

    .count {
      font-size: 1.25rem;
      font-weight: 600;
    }

    .count-label {
      color: ${color.textMuted};
    }

    /* minmax(0, 1fr) lets long names and the select shrink instead of widening the cards. */
    .members {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(${space} * 1.5);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .member {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: ${space};
      padding: calc(${space} * 1.5);
      border: 1px solid ${color.border};
      border-radius: ${radius};
    }

    .member.loading {
      min-height: 4rem;
    }

    .skeleton {
      display: block;
      width: 50%;
      height: 1rem;
      border-radius: ${radius};
      background: ${color.skeleton};
    }

    .steps {
      display: grid;
      gap: ${space};
      margin: 0;
      padding: 0;
      list-style: none;
    }

    [part='step'] {
      display: flex;
      align-items: flex-start;
      gap: ${space};
      color: ${color.textMuted};
    }

    [part='step'].current {
      color: ${color.text};
    }

    .marker {
      flex: none;
      display: inline-grid;
      place-items: center;
      width: 1.5rem;
      height: 1.5rem;
      border-radius: 50%;
      border: 1px solid ${color.border};
      font-size: ${font.sizeSmall};
      font-weight: 600;
    }

    .done .marker {
      border-color: ${color.accent};
      color: ${color.accent};
    }

    .current .marker {
      border-color: ${currentStep};
      background: ${currentStep};
      color: ${color.accentText};
    }

    .step-body {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(${space} / 2);
      min-width: 0;
      flex: 1;
      padding-top: 0.125rem;
    }

    .current .step-title {
      font-weight: 600;
    }

    /* minmax(0, 1fr) lets a select with a long option, such as a German one, shrink to the
       card instead of overflowing it. */
    .action {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(${space} / 2);
    }

    .row {
      display: flex;
      flex-wrap: wrap;
      gap: ${space};
    }

    select,
    textarea,
    button {
      box-sizing: border-box;
      min-height: 2rem;
      border: 1px solid ${color.border};
      border-radius: ${radius};
      background: ${color.surface};
      color: ${color.text};
      font: inherit;
    }

    select {
      min-width: 0;
      max-width: 100%;
      padding: 0 ${space};
    }

    textarea {
      width: 100%;
      padding: ${space};
      resize: vertical;
      background: ${color.surfaceRaised};
      line-height: 1.4;
    }

    button {
      padding: calc(${space} * 0.5) calc(${space} * 1.5);
      cursor: pointer;
    }

    button:hover {
      background: ${color.surfaceRaised};
    }

    [part='assign-button'] {
      border-color: ${color.accent};
      background: ${color.accent};
      color: ${color.accentText};
    }

    button.danger {
      border-color: ${color.danger};
      color: ${color.danger};
    }

    button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }

    [part='error'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${space};
      padding: ${space} calc(${space} * 1.5);
      border-radius: ${radius};
      background: ${color.dangerSoft};
      color: ${color.danger};
    }

    .empty {
      margin-top: calc(${space} * 2);
      color: ${color.textMuted};
    }

    @container (max-width: 30rem) {
      [part='base'] {
        padding: calc(${space} * 1.5);
      }

      .counts {
        grid-template-columns: 1fr 1fr;
      }

      /* A closed select cannot wrap its text, so a smaller font keeps a long option, such as
         "Enterprise (2 von 12 Plätzen frei)", readable in a narrow card instead of clipping it. */
      select {
        padding-inline: calc(${space} / 2) 0;
        font-size: ${font.sizeSmall};
      }
    }
  `,
];
