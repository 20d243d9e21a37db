import type { Decorator, Loader } from '@storybook/web-components-vite';
import { html } from 'lit';

import { createWorkspaceClient, type WorkspaceClient } from '../../sdk/index.js';
import { matchLocale, setActiveLocale } from '../../src/i18n/localization.js';
import { createBrowserApi, type BrowserApi } from '../../server/browser/create-browser-api.js';
import type { FaultSettings } from '../../server/browser/fault-injection.js';
import type { Scenario } from '../../server/browser/scenario.js';
import { typicalTeam } from '../../server/browser/scenarios.js';

/** The settings under `parameters.lsAdmin` that choose a story's workspace and faults. */
export interface StoryApiParameters {
  /** Seeds the in-browser API. Default: `typicalTeam`. */
  scenario?: Scenario;
  /** Whose session the elements use. Default: `admin`. */
  signInAs?: 'admin' | 'member';
  /**
   * Failures and a fixed delay for this story. A `delayMs` here replaces the toolbar's
   * network delay.
   */
  faults?: Partial<FaultSettings>;
  /** The text direction around the story. Default: `ltr`. */
  dir?: 'ltr' | 'rtl';
  /** `false` renders the story without `<ls-workspace>` and without an API. */
  workspace?: boolean;
}

/** The API and client that `loadStoryApi` passes on in `context.loaded`. */
export interface LoadedStoryApi {
  api?: BrowserApi;
  client?: WorkspaceClient;
}

function storyParameters(parameters: Record<string, unknown>): StoryApiParameters {
  return (parameters.lsAdmin ?? {}) as StoryApiParameters;
}

/**
 * Builds the in-browser API for the story's scenario and a client that sends its requests
 * there. Retries are off, so that one injected failure shows as one failure. A story with a
 * fixed delay longer than the client's timeout gets no timeout, so it stays loading.
 */
export const loadStoryApi: Loader = async (context): Promise<LoadedStoryApi> => {
  const options = storyParameters(context.parameters);
  if (options.workspace === false) return {};

  const delayMs = options.faults?.delayMs ?? Number(context.globals.networkDelay ?? 0);
  // NOTE: earlier stories' databases stay open until the page reloads, because a docs page
  // shows several stories at once. Browsing many stories in `npm run storybook` grows memory.
  const api = await createBrowserApi({
    scenario: options.scenario ?? typicalTeam,
    faults: { ...options.faults, delayMs },
  });

  const token =
    options.signInAs === 'member' ? api.credentials.memberToken : api.credentials.adminToken;
  if (token === null) {
    throw new Error(
      `The scenario of story ${context.id} seeds no member to sign in as. ` +
        'Use a scenario with a plain member, or sign in as the admin.',
    );
  }

  const client = createWorkspaceClient({
    baseUrl: location.origin,
    workspaceId: api.credentials.workspaceId,
    token,
    fetch: api.fetch,
    retry: 0,
    timeout: delayMs >= 10_000 ? false : 10_000,
  });
  return { api, client };
};

/**
 * Renders the story inside `<ls-workspace>` with the loaded client, in the toolbar's color
 * scheme and locale and the story's text direction.
 */
export const renderInWorkspace: Decorator = (story, context) => {
  const options = storyParameters(context.parameters);
  const scheme = context.globals.colorScheme === 'dark' ? 'dark' : 'light';
  // The page's canvas follows the scheme too, so dark stories are not framed in white.
  document.documentElement.style.colorScheme = scheme;

  const { api, client } = context.loaded as LoadedStoryApi;
  // A toolbar change re-renders the story without loading it again, so the delay is live.
  if (api !== undefined && options.faults?.delayMs === undefined) {
    api.faults.delayMs = Number(context.globals.networkDelay ?? 0);
  }

  // Stories without <ls-workspace> get the toolbar's locale directly, because the locale is
  // page-wide.
  const locale = matchLocale(String(context.globals.locale ?? 'en')) ?? 'en';
  if (client === undefined) void setActiveLocale(locale);

  const dir = options.dir ?? 'ltr';
  // The wrapper paints its own canvas, so a dark story inside a light docs page stays legible.
  const style = `--ls-color-scheme: ${scheme}; color-scheme: ${scheme}; background: Canvas; color: CanvasText`;
  if (client === undefined) return html`<div dir=${dir} style=${style}>${story()}</div>`;
  return html`
    <div dir=${dir} style=${style}>
      <ls-workspace .client=${client} locale=${locale}>${story()}</ls-workspace>
    </div>
  `;
};
