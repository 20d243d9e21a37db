import 'ls-admin/define';
import type {} from 'ls-admin/types/vue';
import { createApp, h } from 'vue';

import { fetchDemoSession } from '../demo-session';
import UsersLicensesPage from './UsersLicensesPage.vue';

fetchDemoSession().then(
  (session) => {
    createApp(UsersLicensesPage, { workspaceId: session.workspaceId, token: session.token }).mount(
      '#app',
    );
  },
  (error: unknown) => {
    createApp({ render: () => h('p', { role: 'alert' }, String(error)) }).mount('#app');
  },
);
