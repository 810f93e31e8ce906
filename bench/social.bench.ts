import { renderSocialImage } from '@tcma/cobrand';
import * as os from 'node:os';
import sharp from 'sharp';
import { partnerName, print, rateAsync } from './bench-line';
import { demoLogo, slotTypes, socialBackground, socialRects } from './demo-inputs';

/** `social`: co-branded 1200×627 JPEGs per second on every core, vs sharp decoding and re-encoding the background. */
export async function socialBench(): Promise<void> {
  const logo = { png: await demoLogo(), key: 'bench-logo' };
  const types = new Map(slotTypes);
  const concurrency = os.availableParallelism() * 4;
  const cobrand = (i: number) =>
    renderSocialImage({
      background: socialBackground,
      backgroundKey: 'bench-bg',
      rects: socialRects,
      slotTypes: types,
      values: new Map([['company_name', partnerName(i)]]),
      logo,
      logoFallback: null,
      size: 'linkedin',
      format: 'jpeg',
    });
  const plain = () => sharp(socialBackground).jpeg({ quality: 88, optimiseCoding: false }).toBuffer();
  await rateAsync(cobrand, 100, concurrency);
  await rateAsync(plain, 100, concurrency);
  const value = await rateAsync(cobrand, 1500, concurrency);
  const baseline = await rateAsync(plain, 1500, concurrency);
  print({
    bench: 'social',
    value,
    unit: 'images/s',
    baseline: 'sharp_decode_encode_background',
    baseline_value: baseline,
    cores: os.availableParallelism(),
    target: '>= 120/s',
  });
}
