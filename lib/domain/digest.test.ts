import { describe, expect, it } from 'vitest';
import {
  buildDigest,
  DIGEST_FREQUENCIES,
  digestHeadline,
  escapeHtml,
  isDigestDue,
  isEmailDay,
  isLondonMonday,
  PROTECTIVE_MARKING,
  type DigestActionItem,
  type DigestFlagItem,
  type DigestItems,
  type DigestReviewItem,
} from './digest';

const BASE = 'https://quadrant.example.test/';
// Tuesday 3 March 2026, 07:00 in London (GMT).
const NOW = new Date('2026-03-03T07:00:00Z');

const threat = { id: 't1', urn: 'WYP-0001', name: 'Amber Heron' };

const flag = (overrides: Partial<DigestFlagItem> = {}): DigestFlagItem => ({
  code: 'THREAT_NO_PLAN',
  severity: 'alert',
  subjectKind: 'THREAT',
  subjectId: 't1',
  threat,
  ...overrides,
});

const action = (overrides: Partial<DigestActionItem> = {}): DigestActionItem => ({
  id: 'a1',
  description: 'Visit the addresses linked to the line',
  threat,
  dueOn: new Date('2026-03-01T00:00:00Z'),
  lastUpdatedAt: new Date('2026-02-20T10:00:00Z'),
  isOverdue: true,
  isStale: false,
  ...overrides,
});

const review = (overrides: Partial<DigestReviewItem> = {}): DigestReviewItem => ({
  planId: 'p1',
  threat: { id: 't2', urn: 'WYP-0002', name: 'Copper Lantern' },
  dueOn: new Date('2026-02-27T00:00:00Z'),
  state: 'OVERDUE',
  ...overrides,
});

const none = { items: [], total: 0 };
const items = (overrides: Partial<DigestItems> = {}): DigestItems => ({ flags: none, actions: none, reviews: none, ...overrides });

const build = (over: Partial<DigestItems> = {}, period: 'day' | 'week' = 'day') =>
  buildDigest({ recipientName: 'Sam Ashworth', items: items(over), now: NOW, baseUrl: BASE, period });

describe('buildDigest: content', () => {
  it('sends nothing when nothing needs the person', () => {
    expect(build()).toBeNull();
  });

  it('counts every item, listed or not, in the subject and title', () => {
    const digest = build({ flags: { items: [flag()], total: 1 }, actions: { items: [action()], total: 4 }, reviews: { items: [review()], total: 1 } })!;
    expect(digest.itemCount).toBe(6);
    expect(digest.subject).toBe('Quadrant: 6 things need you today');
    expect(digest.title).toBe('6 things need you today');
    expect(digest.text).toContain('- and 3 more: see My work, https://quadrant.example.test/');
    expect(digest.link).toBe('/');
  });

  it('says "thing needs" for one, and "this week" for a weekly e-mail', () => {
    expect(build({ flags: { items: [flag()], total: 1 } })!.subject).toBe('Quadrant: 1 thing needs you today');
    const weekly = build({ flags: { items: [flag()], total: 1 } }, 'week')!;
    expect(weekly.subject).toBe('Quadrant: 1 thing needs you this week');
    // The in-app title is the day's, whatever the e-mail says.
    expect(weekly.title).toBe('1 thing needs you today');
    expect(digestHeadline(2, 'week')).toBe('2 things need you this week');
  });

  it('marks the e-mail OFFICIAL-SENSITIVE at the top and the bottom, in text and HTML', () => {
    const digest = build({ flags: { items: [flag()], total: 1 } })!;
    const lines = digest.text.trim().split('\n');
    expect(lines[0]).toBe(PROTECTIVE_MARKING);
    expect(lines.at(-1)).toBe(PROTECTIVE_MARKING);
    const markings = [...digest.html.matchAll(/OFFICIAL-SENSITIVE/g)].map((m) => m.index!);
    expect(markings).toHaveLength(2);
    expect(markings[0]!).toBeLessThan(digest.html.indexOf('Hello'));
    expect(markings[1]!).toBeGreaterThan(digest.html.indexOf('Change how often'));
  });

  it('links every item and the app itself, with absolute addresses on the base URL', () => {
    const digest = build({ flags: { items: [flag()], total: 1 }, actions: { items: [action()], total: 1 }, reviews: { items: [review()], total: 1 } })!;
    expect(digest.text).toContain('https://quadrant.example.test/threats/t1/plan\n');
    expect(digest.text).toContain('https://quadrant.example.test/threats/t1/plan/actions/a1');
    expect(digest.text).toContain('https://quadrant.example.test/reviews/p1');
    expect(digest.text).toContain('Open Quadrant: https://quadrant.example.test/');
    expect(digest.text).toContain('Change how often you get these e-mails: https://quadrant.example.test/account/notifications');
    expect(digest.html).toContain('<a href="https://quadrant.example.test/reviews/p1">');
    expect(digest.html).toContain('href="https://quadrant.example.test/account/notifications"');
  });

  it('says why each item is there', () => {
    const digest = build({
      flags: { items: [flag(), flag({ code: 'LRO_UNTRAINED', severity: 'warning', subjectKind: 'OFFICER', subjectId: 'u1', threat: null })], total: 2 },
      actions: {
        items: [
          action(),
          action({ id: 'a2', isOverdue: false, dueOn: new Date('2026-03-06T00:00:00Z') }),
          action({ id: 'a3', isOverdue: false, isStale: true, dueOn: null }),
        ],
        total: 3,
      },
      reviews: { items: [review(), review({ planId: 'p2', state: 'NEVER_REVIEWED', dueOn: null }), review({ planId: 'p3', state: 'DUE', dueOn: new Date('2026-03-10T00:00:00Z') })], total: 3 },
    })!;
    expect(digest.body.split('\n')).toEqual([
      'Alert: No active plan \u2013 WYP-0001 Amber Heron',
      'Warning: LRO untrained \u2013 you',
      'Overdue (due 1 March 2026): Visit the addresses linked to the line \u2013 WYP-0001 Amber Heron',
      'Due 6 March 2026: Visit the addresses linked to the line \u2013 WYP-0001 Amber Heron',
      'No update since 20 February 2026: Visit the addresses linked to the line \u2013 WYP-0001 Amber Heron',
      'Overdue (due 27 February 2026): WYP-0002 Copper Lantern',
      'Never reviewed: WYP-0002 Copper Lantern',
      'Due 10 March 2026: WYP-0002 Copper Lantern',
    ]);
    expect(digest.text).toContain('Flags on your threats (2)');
    expect(digest.text).toContain('Your actions (3)');
    expect(digest.text).toContain('Plan reviews due (3)');
    expect(digest.text).toContain('in Quadrant (3 March 2026)');
  });

  it('leaves out empty sections and notes the items not listed in the notification', () => {
    const digest = build({ reviews: { items: [review()], total: 12 } })!;
    expect(digest.text).not.toContain('Flags on your threats');
    expect(digest.text).not.toContain('Your actions');
    expect(digest.body.split('\n')).toEqual(['Overdue (due 27 February 2026): WYP-0002 Copper Lantern', 'and 11 more plan reviews due']);
  });

  it('shortens long descriptions and keeps each item on one line', () => {
    const long = `First line\nsecond line ${'x'.repeat(300)}`;
    const digest = build({ actions: { items: [action({ description: long })], total: 1 } })!;
    const line = digest.body;
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('First line second line');
    expect(line).toContain('\u2026');
    expect(line.length).toBeLessThan(200);
  });
});

describe('buildDigest: escaping', () => {
  it('escapes every name and description in the HTML, and keeps the text as typed', () => {
    const evil = { id: 't"9', urn: 'WYP-<9>', name: '<script>alert("x")</script> & \'co\'' };
    const digest = buildDigest({
      recipientName: '<b>Sam</b>',
      items: items({ actions: { items: [action({ threat: evil, description: '<img src=x onerror=alert(1)>' })], total: 1 } }),
      now: NOW,
      baseUrl: 'https://quadrant.example.test/?a=1&b="2"',
    })!;
    expect(digest.html).not.toMatch(/<script|<img|<b>Sam/);
    expect(digest.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    expect(digest.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(digest.html).toContain('Hello &lt;b&gt;Sam&lt;/b&gt;,');
    // The threat id reaches the link encoded, the base URL escaped.
    expect(digest.html).toContain('/threats/t%229/plan/actions/a1');
    expect(digest.html).not.toContain('"2"');
    expect(digest.text).toContain('<script>alert("x")</script>');
    expect(digest.subject).not.toMatch(/[\r\n]/);
  });

  it('escapeHtml escapes the five characters that start markup or end attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('who is e-mailed when', () => {
  it.each([
    // Monday 2 March 2026, just after midnight in London.
    ['2026-03-02T00:05:00Z', true],
    ['2026-03-02T23:59:00Z', true],
    ['2026-03-03T07:00:00Z', false],
    // Summer time: 23:30 UTC on Sunday 29 March is 00:30 BST on Monday 30 March.
    ['2026-03-29T23:30:00Z', true],
    // And 23:30 UTC on Monday 30 March is already Tuesday in London.
    ['2026-03-30T23:30:00Z', false],
    ['2026-03-01T12:00:00Z', false],
  ])('%s is a London Monday: %s', (instant, monday) => {
    expect(isLondonMonday(new Date(instant))).toBe(monday);
  });

  it('daily every day, weekly on Mondays only, never with no e-mail', () => {
    const monday = new Date('2026-03-02T07:00:00Z');
    const week = Array.from({ length: 7 }, (_, i) => new Date(monday.getTime() + i * 86_400_000));
    expect(week.map((d) => isEmailDay('DAILY', d))).toEqual([true, true, true, true, true, true, true]);
    expect(week.map((d) => isEmailDay('WEEKLY', d))).toEqual([true, false, false, false, false, false, false]);
    expect(week.map((d) => isEmailDay('NONE', d))).toEqual([false, false, false, false, false, false, false]);
    expect(DIGEST_FREQUENCIES).toEqual(['DAILY', 'WEEKLY', 'NONE']);
  });
});

describe('isDigestDue: the in-process schedule (SQLite)', () => {
  it.each([
    // Winter: 07:00 London is 07:00 UTC.
    ['2026-12-01T06:59:00Z', null, false],
    ['2026-12-01T07:00:00Z', null, true],
    ['2026-12-01T23:59:00Z', null, true],
    ['2026-12-01T09:00:00Z', '2026-12-01', false],
    ['2026-12-02T07:05:00Z', '2026-12-01', true],
    // Summer: 07:00 BST is 06:00 UTC.
    ['2026-07-01T05:59:00Z', null, false],
    ['2026-07-01T06:00:00Z', null, true],
    // 23:30 UTC on 1 July is 00:30 on 2 July in London: a new day, but not yet 07:00.
    ['2026-07-01T23:30:00Z', '2026-07-01', false],
  ])('at %s, last run %s: due %s', (instant, lastRun, due) => {
    expect(isDigestDue(new Date(instant), lastRun)).toBe(due);
  });
});
