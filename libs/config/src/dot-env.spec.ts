import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyDotEnv } from './dot-env';

describe(applyDotEnv.name, () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dot-env-')), '.env');

  it('adds what the file sets and the environment does not, and leaves real variables alone', () => {
    fs.writeFileSync(
      file,
      '# local settings\nPORT=4000\nexport PUBLIC_BASE_URL="https://engine.example"\nSMTP_URL=smtp://a:b@mail.example:587 # the relay\nLOG_LEVEL=debug\n',
    );
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn' };
    expect(applyDotEnv(env, file).sort()).toEqual(['PORT', 'PUBLIC_BASE_URL', 'SMTP_URL']);
    expect(env).toEqual({
      LOG_LEVEL: 'warn',
      PORT: '4000',
      PUBLIC_BASE_URL: 'https://engine.example',
      SMTP_URL: 'smtp://a:b@mail.example:587',
    });
  });

  it('does nothing without a file', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(applyDotEnv(env, path.join(path.dirname(file), 'missing.env'))).toEqual([]);
    expect(env).toEqual({});
  });
});
