import 'ls-admin/define';

const credentials = await (await fetch('/demo-credentials.json')).json();
const workspace = document.querySelector('ls-workspace');
workspace.workspace = credentials.workspaceId;
workspace.token = credentials.adminToken;
