import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** This process, as a claimant in the send ledger and a row of the workers table. */
export const WORKER_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
