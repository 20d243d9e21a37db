import { expect } from '@open-wc/testing';

import {
  HttpError,
  InvalidJsonError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
} from '../../sdk/errors/index.js';
import { describeError } from '../../src/shared/describe-error.js';

const URL = 'http://localhost:8812/v1/workspaces/ws_demo/invitations';

describe('describeError', () => {
  it('describes a network failure without the request', () => {
    const text = describeError(new NetworkError('POST', URL, new TypeError('Failed to fetch')));
    expect(text).to.equal('Could not reach the server. Check your connection and try again.');
  });

  it('describes a timeout without the request', () => {
    const text = describeError(new TimeoutError('POST', URL, 10_000));
    expect(text).to.equal('The server took too long to respond. Try again.');
  });

  it('describes an unreadable body', () => {
    const details = { method: 'GET', url: URL, status: 200, expected: 'MembersPage', issues: [] };
    const expected =
      'The server sent a response this page cannot read. ' +
      'Try again, or contact your administrator if it keeps happening.';
    expect(describeError(new ResponseValidationError(details))).to.equal(expected);
    expect(describeError(new InvalidJsonError('GET', URL, 200, '<html>'))).to.equal(expected);
  });

  it('shows the problem detail of an HTTP error', () => {
    const problem = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'The seat limit of Pro is reached.',
      code: 'something_new',
    };
    const error = new HttpError({ method: 'POST', url: URL, status: 409, statusText: '', problem });
    expect(describeError(error)).to.equal('The seat limit of Pro is reached.');
  });

  it('names the status of an HTTP error without a problem', () => {
    const error = new HttpError({
      method: 'POST',
      url: URL,
      status: 502,
      statusText: 'Bad Gateway',
      problem: null,
    });
    const text = describeError(error);
    expect(text).to.equal('The server could not complete the request (status 502).');
    expect(text).not.to.include(URL);
  });
});
