import { redisScript } from '@tcma/queue';
import { Redis } from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import { testConfig } from '../support/test-config';

// A comment of its own in each run: Redis has never seen this script's SHA when the first call
// asks for it, as after a restart. (Not SCRIPT FLUSH: other files' queues share this Redis.)
const COUNT = `-- ${randomUUID()}
local n = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], 60000)
return n
`;

/** The rate limits' Lua scripts, called by their SHA against the real Redis. */
describe('a Lua script run by its SHA', () => {
  let redis: Redis;
  let key: string;

  beforeAll(() => {
    redis = new Redis(testConfig().redisUrl);
    key = `${process.env.QUEUE_PREFIX ?? 'tcma-test'}:redis-script`;
  });
  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it('runs a script Redis does not hold yet, then holds it and is called by its SHA', async () => {
    const count = redisScript(redis, 'tcmaTestCount', COUNT, 1);
    const [held] = (await redis.script('EXISTS', sha1(COUNT))) as number[];
    expect(held).toBe(0);
    expect(await count(key, 2)).toBe(2);
    expect(((await redis.script('EXISTS', sha1(COUNT))) as number[])[0]).toBe(1);
    expect(await count(key, 3)).toBe(5);
  });

  it('is defined once per connection: a second definition under the name calls the same script', async () => {
    const again = redisScript(redis, 'tcmaTestCount', COUNT, 1);
    expect(await again(key, 1)).toBe(6);
    expect(await redis.evalsha(sha1(COUNT), 1, key, 0)).toBe(6);
  });
});

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
