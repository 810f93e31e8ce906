import { Injectable } from '@nestjs/common';
import { Database, Executor } from './database';

declare const TX: unique symbol;

/**
 * A transaction as services see it: a handle they pass to repository methods, which alone
 * can query through it (executorOf). Services decide what must commit together; they never
 * hold a query builder.
 */
export interface Tx {
  readonly [TX]: true;
}

const open = new WeakMap<Tx, Executor>();

@Injectable()
export class Transactions {
  constructor(private readonly db: Database) {}

  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => {
      const tx = Object.freeze({}) as Tx;
      open.set(tx, trx);
      return work(tx);
    });
  }
}

/** What a repository queries through: the caller's transaction, or the Database itself. */
export function executorOf(db: Database, tx?: Tx): Executor {
  if (!tx) return db;
  const trx = open.get(tx);
  if (!trx) throw new Error('This transaction handle did not come from Transactions.run');
  return trx;
}
