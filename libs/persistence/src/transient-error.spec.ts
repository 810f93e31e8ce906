import { isTransientDatabaseError } from './transient-error';

describe(isTransientDatabaseError.name, () => {
  it('tells a lost connection or a busy server from a refused statement', () => {
    const pg = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    for (const transient of [
      pg('57P01', 'terminating connection due to administrator command'),
      pg('08006'),
      pg('53300'),
      pg('40001'),
      pg('ECONNREFUSED'),
      new Error('Connection terminated unexpectedly'),
      { driverError: pg('57P01') },
      { cause: pg('ECONNRESET') },
    ]) {
      expect([transient, isTransientDatabaseError(transient)]).toEqual([transient, true]);
    }
    for (const permanent of [
      pg('23505', 'duplicate key'),
      pg('P0001', 'import_trap refused'),
      pg('22P02'),
      new Error('ENOENT'),
      null,
      undefined,
      'text',
    ]) {
      expect([permanent, isTransientDatabaseError(permanent)]).toEqual([permanent, false]);
    }
  });
});
