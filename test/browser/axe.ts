import { source as axeSource, type AxeResults, type PartialResult, type RunOptions } from 'axe-core';
import type { Frame, Page } from '@playwright/test';

/**
 * axe-core in every frame of a page, as @axe-core/playwright runs it (runPartial in each frame,
 * then finishRun), at about a third of its cost: that package (no longer used)
 * injects its 560 kB script into every frame at every check and finishes each run in a new blank
 * page it injects again (about 2.5 s a check here, 60% of a long journey). Here the script goes in
 * once per document, finishRun runs in the page itself, and a page without frames is checked in one
 * axe.run: the same rules on the same nodes, with only the violations collected (the tests read
 * nothing else).
 */
export async function runAxe(page: Page, { frames = true }: { frames?: boolean } = {}): Promise<AxeResults> {
  const options: RunOptions = { resultTypes: ['violations'], iframes: frames };
  if (!frames || page.frames().length === 1) {
    // No frame to reach (or none to check): one run in the page, without handing partial results back and forth.
    await inject(page.mainFrame());
    return page.evaluate((options) => window.axe.run(document, options), options);
  }
  const partials = await partialResults(page.mainFrame(), options);
  return page.evaluate(({ partials, options }) => window.axe.finishRun(partials, options), { partials, options });
}

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** This frame's partial result, then its child frames' in document order (null for one that could not run). */
async function partialResults(
  frame: Frame,
  options: RunOptions,
  context: unknown = { exclude: [], include: [] },
): Promise<Array<PartialResult | null>> {
  await inject(frame);
  const children = await frame.evaluate((ctx) => window.axe.utils.getFrameContexts(ctx as never), context);
  const own = frame.evaluate(({ context, options }) => window.axe.runPartial(context as never, options), {
    context,
    options,
  });
  own.catch(() => undefined); // awaited below, after the child frames
  const nested: Array<PartialResult | null> = [];
  for (const { frameSelector, frameContext } of children) {
    try {
      const element = (
        await frame.evaluateHandle((selector) => window.axe.utils.shadowSelect(selector as never), frameSelector)
      ).asElement();
      const child = await element?.contentFrame();
      nested.push(...(child ? await partialResults(child, options, frameContext) : [null]));
    } catch {
      // A frame that went away or never loaded: axe reports it as not tested.
      nested.push(null);
    }
  }
  return [await own, ...nested];
}

async function inject(frame: Frame): Promise<void> {
  const present = await frame.evaluate(() => typeof window.axe?.runPartial === 'function');
  if (present) return;
  await frame.evaluate(axeSource);
  await frame.evaluate(() => window.axe.configure({ allowedOrigins: ['<same_origin>'] }));
}
