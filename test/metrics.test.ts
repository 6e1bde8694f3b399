// /metrics content: request counters and latency, reminders by outcome, the dataset's version and age.
import { describe, expect, it } from 'vitest';
import { manualClock } from './support/manual-clock.js';
import type { Dataset } from '../src/dataset/schema.js';
import { createMetrics, newestAsOfDate } from '../src/metrics.js';

function tinyDataset(version: string): Dataset {
  return {
    version,
    reference: {
      violation_codes: {},
      markers: {
        action_plan: { symbol: '~', label: 'action plan' },
        persistent_perpetrator: { symbol: '*', label: 'persistent' },
      },
    },
    sources: new Map([
      ['s-old', { id: 's-old', publisher: 'UN', title: 'Old', date: '2020-05' }],
      ['s-new', { id: 's-new', publisher: 'UN', title: 'New', date: '2025-06-30' }],
    ]),
    countries: new Map([
      [
        'mali',
        {
          id: 'mali',
          name: 'Mali',
          other_names: [],
          sg_country_reports: [],
          working_group_conclusions: [],
          lead_country: [{ value: 'France', source: 's-old', as_of: '2021-06' }],
          action_plans: [],
          figures: [],
          recommendations: [],
          // No as_of: the source's date (2025-06-30) is the fact's date.
          summaries: [{ text: 'summary', source: 's-new' }],
        },
      ],
    ]),
    parties: new Map(),
    missions: new Map(),
    events: new Map(),
  } as unknown as Dataset;
}

describe('createMetrics', () => {
  it('renders request counters, latency buckets, reminder outcomes and the dataset gauges', async () => {
    const clock = manualClock(new Date('2025-07-01T00:00:00Z'));
    const metrics = createMetrics({ clock });
    metrics.observeRequest({ platform: 'slack', command: 'lookup', outcome: 'answered' }, 0.02);
    metrics.observeRequest({ platform: 'slack', command: 'lookup', outcome: 'answered' }, 0.2);
    metrics.startRequest()({ platform: 'teams', command: 'help', outcome: 'answered' });
    metrics.reminder('delivered', 3);
    metrics.reminder('late');
    metrics.reminder('disabled');
    metrics.refused('body-too-large', 'slack');
    metrics.setDataset(tinyDataset('abc123'));
    metrics.reload('ok');

    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('caac_requests_total{platform="slack",command="lookup",outcome="answered"} 2');
    expect(body).toContain('caac_requests_total{platform="teams",command="help",outcome="answered"} 1');
    expect(body).toContain(
      'caac_request_duration_seconds_bucket{le="0.025",platform="slack",command="lookup",outcome="answered"} 1',
    );
    expect(body).toContain(
      'caac_request_duration_seconds_count{platform="slack",command="lookup",outcome="answered"} 2',
    );
    expect(body).toContain('caac_reminders_total{outcome="delivered"} 3');
    expect(body).toContain('caac_reminders_total{outcome="late"} 1');
    expect(body).toContain('caac_reminders_total{outcome="skipped"} 0');
    expect(body).toContain('caac_reminders_total{outcome="failed"} 0');
    expect(body).toContain('caac_reminders_total{outcome="disabled"} 1');
    expect(body).toContain('caac_requests_refused_total{reason="body-too-large",platform="slack"} 1');
    expect(body).toContain('caac_dataset_info{version="abc123"} 1');
    expect(body).toContain('caac_dataset_age_seconds 86400');
    expect(body).toContain('caac_dataset_reloads_total{result="ok"} 1');
    // Default process metrics, on our registry.
    expect(body).toContain('caac_process_cpu_seconds_total');

    // The age follows the clock; a new dataset replaces the version label (one series, not two).
    clock.advance(3600_000);
    metrics.setDataset(tinyDataset('def456'));
    const next = (await metrics.render()).body;
    expect(next).toContain('caac_dataset_age_seconds 90000');
    expect(next).toContain('caac_dataset_info{version="def456"} 1');
    expect(next).not.toContain('version="abc123"');
  });

  it('keeps registries apart: two services in one process do not share counters', async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    a.reminder('failed');
    expect((await a.render()).body).toContain('caac_reminders_total{outcome="failed"} 1');
    expect((await b.render()).body).toContain('caac_reminders_total{outcome="failed"} 0');
  });

  it('finds the newest as-of date, falling back to the source date', () => {
    expect(newestAsOfDate(tinyDataset('x'))).toBe('2025-06-30');
  });
});
