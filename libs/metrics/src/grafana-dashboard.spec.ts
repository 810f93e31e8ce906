import * as fs from 'node:fs';
import * as path from 'node:path';
import { Metrics } from './metrics';

const DASHBOARD = path.resolve(__dirname, '../../../ops/grafana/tcma-dashboard.json');

interface Panel {
  title: string;
  targets?: Array<{ expr: string }>;
}

/** The sample Grafana dashboard (ops/grafana) charts only series the engine exports. */
describe('the sample Grafana dashboard', () => {
  const sut = JSON.parse(fs.readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
  const registry = new Metrics().registry;
  // A histogram's series carry _bucket, _count and _sum after its name.
  const exported = (series: string) =>
    [series, series.replace(/_(bucket|count|sum)$/, '')].some((name) => registry.getSingleMetric(name));

  it('has a query in every panel, each naming only exported series', () => {
    expect(sut.panels.length).toBeGreaterThan(0);
    for (const panel of sut.panels) {
      expect([panel.title, (panel.targets ?? []).length > 0]).toEqual([panel.title, true]);
      for (const { expr } of panel.targets ?? []) {
        const names = [...expr.matchAll(/\b((?:tcma|nodejs|process)_[a-z_]+)/g)].map((m) => m[1]);
        expect([panel.title, names.length > 0]).toEqual([panel.title, true]);
        for (const name of names) expect([panel.title, name, exported(name)]).toEqual([panel.title, name, true]);
      }
    }
  });

  it("charts every one of the engine's own series", () => {
    const charted = sut.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)).join('\n');
    const own = registry
      .getMetricsAsArray()
      .map((m) => m.name)
      .filter((name) => name.startsWith('tcma_') && name !== 'tcma_metrics_collect_failures_total');
    for (const name of own) expect([name, charted.includes(name)]).toEqual([name, true]);
  });
});
