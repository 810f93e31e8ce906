import { jsonShapeProblem } from './json-shape';

describe(jsonShapeProblem.name, () => {
  const sut = (text: string) => jsonShapeProblem(Buffer.from(text), { maxDepth: 4, maxValues: 10 });

  it('passes bodies within the limits', () => {
    expect(sut('{"a":{"b":[1,2,{"c":"d"}]}}')).toBeNull();
    expect(sut('{"brackets in strings":"[[[[[[{{{{,,,,,,,,,,,,\\"[[[["}')).toBeNull();
    expect(sut('[1,2,3,4,5,6,7,8]')).toBeNull();
  });

  it('names the limit a body goes beyond', () => {
    expect(sut('{"a":{"b":{"c":{"d":{}}}}}')).toBe('nests deeper than 4 levels');
    expect(sut('['.repeat(5000) + ']'.repeat(5000))).toBe('nests deeper than 4 levels');
    expect(sut(`[${Array.from({ length: 11 }, (_, i) => i).join(',')}]`)).toBe('holds more than 10 values');
    expect(
      jsonShapeProblem(Buffer.from(`{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":1`).join(',')}}`), {
        maxDepth: 32,
        maxValues: 12_000,
      }),
    ).toBe('holds more than 12,000 values');
  });
});
