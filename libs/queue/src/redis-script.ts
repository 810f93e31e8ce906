import type { Redis } from 'ioredis';

/** A Lua script's call: its keys, then its arguments. */
export type RedisScript = (...keysThenArgs: (string | number)[]) => Promise<unknown>;

/**
 * A Lua script on `redis`, called by its SHA (EVALSHA; ioredis's defineCommand sends the text
 * again only when Redis answers that it lacks it, after a restart or SCRIPT FLUSH). A plain EVAL
 * sends the whole script with every call and has Redis hash it again: the rate limits run one or
 * two on every request. `name` must be unique per script; defined once per connection.
 */
export function redisScript(redis: Redis, name: string, lua: string, numberOfKeys: number): RedisScript {
  const commands = redis as unknown as Record<string, RedisScript | undefined>;
  if (typeof commands[name] !== 'function') redis.defineCommand(name, { numberOfKeys, lua });
  const command = commands[name] as RedisScript;
  return (...keysThenArgs) => command.apply(redis, keysThenArgs);
}
