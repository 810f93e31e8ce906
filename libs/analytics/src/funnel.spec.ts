import { funnelRates } from './funnel';

describe(funnelRates.name, () => {
  const counts = {
    enrolled: 200,
    sent: 100,
    accepted: 95,
    bounced: 5,
    opened: 38,
    clicked: 19,
    unsubscribed: 2,
    converted: 4,
    machineOpens: 50,
    machineClicks: 30,
  };

  it('divides by the right denominators and leaves machines out', () => {
    expect(funnelRates(counts)).toEqual({
      deliveryRate: 0.95,
      bounceRate: 0.05,
      openRate: 0.4,
      clickRate: 0.2,
      clickToOpenRate: 0.5,
      unsubscribeRate: 0.0211,
      conversionRate: 0.02,
    });
  });

  it('answers null, not zero or infinity, when there is nothing to divide by', () => {
    const rates = funnelRates({ ...counts, enrolled: null, sent: 0, accepted: 0, opened: 0 });
    expect(rates).toEqual({
      deliveryRate: null,
      bounceRate: null,
      openRate: null,
      clickRate: null,
      clickToOpenRate: null,
      unsubscribeRate: null,
      conversionRate: null,
    });
  });
});
