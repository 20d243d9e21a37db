import { css } from 'lit';

/**
 * The design tokens that every element reads. Each is a `--ls-*` custom property with a
 * default, so a host page sets it on any ancestor and inheritance carries it into shadow roots.
 * Colors use `light-dark()`, which follows the element's `color-scheme` (see `colorScheme`).
 */
export const color = {
  text: css`var(--ls-color-text, light-dark(#1c1e23, #e7e9ee))`,
  textMuted: css`var(--ls-color-text-muted, light-dark(#5b606b, #a3a9b6))`,
  surface: css`var(--ls-color-surface, light-dark(#ffffff, #17191e))`,
  surfaceRaised: css`var(--ls-color-surface-raised, light-dark(#f4f5f8, #22252c))`,
  border: css`var(--ls-color-border, light-dark(#dcdfe5, #353943))`,
  accent: css`var(--ls-color-accent, light-dark(#2f5bd3, #8aa9ff))`,
  accentText: css`var(--ls-color-accent-text, light-dark(#ffffff, #10131a))`,
  accentSoft: css`var(--ls-color-accent-soft, light-dark(#e6edff, #243257))`,
  warning: css`var(--ls-color-warning, light-dark(#8a5300, #f2c26b))`,
  warningSoft: css`var(--ls-color-warning-soft, light-dark(#fff3dc, #3b2e14))`,
  danger: css`var(--ls-color-danger, light-dark(#b42318, #ff9b8f))`,
  dangerSoft: css`var(--ls-color-danger-soft, light-dark(#fdecea, #42201d))`,
  skeleton: css`var(--ls-color-skeleton, light-dark(#e7e9ee, #2c3038))`,
  focus: css`var(--ls-color-focus, light-dark(#2f5bd3, #8aa9ff))`,
};

export const font = {
  family: css`var(--ls-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)`,
  size: css`var(--ls-font-size, 0.875rem)`,
  sizeSmall: css`var(--ls-font-size-small, 0.75rem)`,
};

export const radius = css`var(--ls-radius, 6px)`;
export const space = css`var(--ls-space, 0.5rem)`;

/**
 * The color scheme of an element: light and dark following `prefers-color-scheme` unless the
 * host forces one with `--ls-color-scheme: dark` on any ancestor, or with `color-scheme` on
 * the element itself.
 */
export const colorScheme = css`
  :host {
    color-scheme: var(--ls-color-scheme, light dark);
  }
`;

/** A visible focus ring for keyboard users only. */
export const focusRing = css`
  :focus-visible {
    outline: 2px solid ${color.focus};
    outline-offset: 2px;
  }
`;

/** Hides text visually but keeps it for screen readers. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
