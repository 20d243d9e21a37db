// Registers every ls-admin tag before React creates the elements, so that React 19 sets
// `token` and the other properties as properties rather than attributes.
import 'ls-admin/define';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { fetchDemoSession } from '../demo-session';
import { UsersLicensesPage } from './users-licenses-page';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no element with the id "root".');
const root = createRoot(container);

fetchDemoSession().then(
  (session) => {
    root.render(
      <StrictMode>
        <UsersLicensesPage workspaceId={session.workspaceId} token={session.token} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.render(<p role="alert">{String(error)}</p>);
  },
);
