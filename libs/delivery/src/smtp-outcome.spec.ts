import { classifySmtpFailure } from './smtp-outcome';

describe(classifySmtpFailure.name, () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550 }, 'bounce'],
    [{ code: 'EMESSAGE', responseCode: 554 }, 'bounce'],
    [{ code: 'EENVELOPE', responseCode: 451 }, 'retry'],
    [{ code: 'EMESSAGE', responseCode: 421 }, 'retry'],
    [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'retry'],
    [{ code: 'EDNS', originalCode: 'ENOTFOUND' }, 'retry'],
    [{ code: 'ECONNECTION' }, 'uncertain'],
    [{ code: 'EAUTH', responseCode: 535 }, 'retry'],
    [{ code: 'ESOCKET' }, 'uncertain'],
    [{ code: 'ETIMEDOUT' }, 'uncertain'],
    [new Error('socket hang up'), 'uncertain'],
    [new Error('Connection pool was closed'), 'retry'],
    [Object.assign(new Error('Connection pool was closed'), { code: 'ECONNECTION' }), 'retry'],
    [Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }), 'uncertain'],
  ])('%o is %s', (error, outcome) => {
    expect(classifySmtpFailure(error)).toBe(outcome);
  });
});
