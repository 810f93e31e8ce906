import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { fieldError, formError } from './field-error';

const refusal = new ApiError(new Response(null, { status: 422, statusText: 'Unprocessable Entity' }), {
  message: 'Validation failed',
  errors: [
    { path: 'email', message: 'must be an email' },
    { path: 'name', message: 'is empty' },
  ],
  requestId: 'req-1',
});

describe('fieldError', () => {
  it('is the API’s message for one field', () => {
    expect(fieldError(refusal, 'email')).toBe('must be an email');
    expect(fieldError(refusal, 'password')).toBeUndefined();
    expect(fieldError(new Error('offline'), 'email')).toBeUndefined();
  });
});

describe('formError', () => {
  it('is nothing when every problem shows at a field of the form', () => {
    expect(formError(refusal, ['email', 'name'])).toBeUndefined();
  });

  it('is the refusal’s message when a problem has no field here', () => {
    expect(formError(refusal, ['email'])).toBe('Validation failed');
  });

  it('is any other failure’s message', () => {
    expect(formError(new Error('the connection was lost'), ['email'])).toBe('the connection was lost');
    expect(formError('?', [])).toBe('Something went wrong');
    expect(formError(null, [])).toBeUndefined();
  });
});
