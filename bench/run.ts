import { analyticsBench } from './analytics.bench';
import { crmSyncBench } from './crm-sync.bench';
import { deliverPacedBench } from './deliver-paced.bench';
import { deliverBench, deliverLocalesBench } from './deliver.bench';
import { editorPreviewBench } from './editor-preview.bench';
import { enrollBench } from './enroll.bench';
import { formSubmitBench, landingPageBench } from './landing-page.bench';
import { onboardingBench } from './onboarding.bench';
import { pdfBench } from './pdf.bench';
import { portalCatalogueBench } from './portal-catalogue.bench';
import { portalJsBench } from './portal-js.bench';
import { programmeFanoutBench } from './programme-fanout.bench';
import { renderBench, renderColdBench, renderLocalesBench } from './render.bench';
import { redisPerPendingStepBench } from './redis.bench';
import { socialBench } from './social.bench';
import { trackSocialBench } from './track-social.bench';
import { trackBench } from './track.bench';
import { webhookDeliverBench } from './webhook-deliver.bench';

/**
 * `npm run bench [name…]`: one JSON line per benchmark on stdout. Each line compares the
 * engine with the raw limit of the library or server underneath, measured in the same run.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  render: renderBench,
  render_cold: renderColdBench,
  render_locales: renderLocalesBench,
  pdf: pdfBench,
  social: socialBench,
  enroll: enrollBench,
  deliver: deliverBench,
  deliver_locales: deliverLocalesBench,
  deliver_paced: deliverPacedBench,
  redis_per_pending_step: redisPerPendingStepBench,
  track_redirect: trackBench,
  track_social_redirect: trackSocialBench,
  analytics_query: analyticsBench,
  portal_js_kb: portalJsBench,
  portal_catalogue: portalCatalogueBench,
  onboarding_first_launch: onboardingBench,
  editor_preview: editorPreviewBench,
  programme_fanout: programmeFanoutBench,
  landing_page: landingPageBench,
  form_submit: formSubmitBench,
  webhook_deliver: webhookDeliverBench,
  crm_sync: crmSyncBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !BENCHES[w]);
  if (unknown.length)
    throw new Error(`Unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  for (const name of wanted.length ? wanted : Object.keys(BENCHES)) await BENCHES[name]();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
