// Lists the first page of members with the installed SDK, in Node:
// node list-members.mjs <base URL> <workspace id> <session token>
import { createWorkspaceClient } from 'ls-admin/sdk';

const [baseUrl, workspaceId, token] = process.argv.slice(2);
const client = createWorkspaceClient({ baseUrl, workspaceId, token });
const page = await client.listMembers({ limit: 100 });
console.log(
  JSON.stringify({ total: page.total, emails: page.items.map((member) => member.email) }),
);
