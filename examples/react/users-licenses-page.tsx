import type {} from 'ls-admin/types/react';
import { useState } from 'react';

export interface UsersLicensesPageProps {
  workspaceId: string;
  /** The signed-in user's session token, which `<ls-workspace>` takes as a property. */
  token: string;
}

/** Renders the Users & Licenses page in a React host, with the elements' last event above it. */
export function UsersLicensesPage({ workspaceId, token }: UsersLicensesPageProps) {
  const [lastEvent, setLastEvent] = useState('No event yet.');

  // The events of every element inside bubble to <ls-workspace>, so it takes all listeners.
  return (
    <main>
      <p id="last-event" role="status">
        {lastEvent}
      </p>
      <ls-workspace
        workspace={workspaceId}
        token={token}
        onls-member-invited={(event) => setLastEvent(`Invited ${event.member.email}.`)}
        onls-member-removed={(event) => setLastEvent(`Removed ${event.member.email}.`)}
        onls-license-assigned={(event) =>
          setLastEvent(`Assigned the ${event.member.licenseId} license to ${event.member.email}.`)
        }
        onls-license-unassigned={(event) =>
          setLastEvent(`Unassigned the ${event.licenseId} license from ${event.member.email}.`)
        }
        onls-error={(event) => setLastEvent(`The ${event.action} request failed.`)}
      >
        <ls-users-licenses></ls-users-licenses>
      </ls-workspace>
    </main>
  );
}
