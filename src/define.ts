/** Registers every ls-admin element. Import the classes from `index.js` to register them yourself. */
import './workspace/define.js';
import './auth-token/define.js';
import './confirm-dialog/define.js';
import './invite-form/define.js';
import './key-migration/define.js';
import './licenses/define.js';
import './members-table/define.js';
import './users-licenses/define.js';
