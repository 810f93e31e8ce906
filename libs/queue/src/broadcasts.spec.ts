import type { AppConfig } from '@tcma/config';
import { BroadcastChannel, Broadcasts } from './broadcasts';
import type { RedisClient } from './redis.provider';

describe(Broadcasts.name, () => {
  /** A subscriber connection whose subscribe fails until told otherwise; its handlers can be called. */
  const subscriber = (fail: () => boolean) => {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    return {
      handlers,
      status: 'ready',
      on: (event: string, handler: (...args: unknown[]) => void) => handlers.set(event, handler),
      subscribe: () => (fail() ? Promise.reject(new Error('Redis is down')) : Promise.resolve(1)),
    };
  };

  it('keeps no listener whose subscription failed, however often it is tried', async () => {
    let down = true;
    const connection = subscriber(() => down);
    const redis = { redis: { duplicate: () => connection } } as unknown as RedisClient;
    const sut = new Broadcasts(redis, { queuePrefix: 'test' } as AppConfig);
    const heard: unknown[] = [];
    for (let i = 0; i < 3; i++)
      await expect(
        sut.listen(BroadcastChannel.SocialLinksGone, { message: (m) => heard.push(m), gap: () => undefined }),
      ).rejects.toThrow('Redis is down');
    down = false;
    await sut.listen(BroadcastChannel.SocialLinksGone, { message: (m) => heard.push(m), gap: () => undefined });
    connection.handlers.get('message')!('test:broadcast:social-links-gone', JSON.stringify({ posts: ['p'] }));
    expect(heard).toEqual([{ posts: ['p'] }]);
  });
});
