import * as fs from 'node:fs';

// Each test worker reads the settings global-setup chose for this run.
const file = process.env.TCMA_TEST_ENV_FILE;
if (file && fs.existsSync(file)) Object.assign(process.env, JSON.parse(fs.readFileSync(file, 'utf8')));
