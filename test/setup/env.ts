import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';

// Each test worker reads the settings global-setup chose for this run.
const file = process.env.TCMA_TEST_ENV_FILE;
if (file && fs.existsSync(file)) Object.assign(process.env, JSON.parse(fs.readFileSync(file, 'utf8')));
// Each test file queues under a key prefix of its own (inside the run's, which the global
// teardown removes): a queue consumer a previous file failed to close, or a job it left
// delayed, can never take or hold up this file's jobs.
if (process.env.QUEUE_PREFIX)
  process.env.QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}-${randomBytes(3).toString('hex')}`;
