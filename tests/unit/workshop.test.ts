import { describe, expect, it } from 'vitest';
import { encodeShareCode } from '../../src/lib/share/share-code';
import { createSubmission, serialiseSubmission, type Submission } from '../../src/lib/share/submission';
import { dashboardCsv, distribution, itemTallies, whoOf, type GradedEntry } from '../../src/lib/workshop/dashboard';
import { readIntake, splitCodes } from '../../src/lib/workshop/intake';
import { parseRoom, roomFromQuery, roomLink } from '../../src/lib/workshop/room';
import { exercise } from '../../scripts/lib/exercises';

const NOW = new Date('2026-11-26T10:00:00Z');
const stride = await exercise('stride-medical-imaging');
const reference = (await stride.reference(NOW)) as Submission<'stride-medical-imaging'>;
const team = (name: string, rows = reference.answers.rows) =>
  createSubmission('stride-medical-imaging', { ...reference.answers, rows }, NOW, { team: name, room: 'r1' });

describe('dashboard intake', () => {
  it('reads each code on its own: good ones load, a truncated one and a duplicate are reported', () => {
    const a = encodeShareCode(team('A'));
    const b = encodeShareCode(team('B', reference.answers.rows.slice(0, 2)));
    const results = readIntake(splitCodes(`${a}\n\n  ${b}\n${a.slice(0, -9)}\n${b}`));
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(results[2]).toMatchObject({ source: 'code 3', ok: false });
    expect(results[3]).toMatchObject({ source: 'code 4', problem: expect.stringContaining('duplicate') });
  });

  it('knows what is already loaded, and reads files as submissions', () => {
    const a = team('A');
    const [result] = readIntake(
      [{ source: 'a.json', text: serialiseSubmission(a), kind: 'file' }],
      [serialiseSubmission(a)],
    );
    expect(result?.ok).toBe(false);
  });

  it('refuses hostile files: prototype keys, wrong format, oversize', () => {
    const proto =
      '{"format":"aitm.submission","version":1,"exercise":"stride-medical-imaging","submittedAt":"2026-11-26T10:00:00Z","answers":{"components":[],"rows":[]},"__proto__":{"x":1}}';
    const results = readIntake([
      { source: 'proto.json', text: proto, kind: 'file' },
      { source: 'other.json', text: '{"format":"something.else"}', kind: 'file' },
      { source: 'big.json', text: `"${'x'.repeat(1_100_000)}"`, kind: 'file' },
    ]);
    expect(results.every((r) => !r.ok)).toBe(true);
  });
});

describe('dashboard summaries', () => {
  const grade = stride.grade;
  const entries: GradedEntry[] = [
    team('A'),
    team('B', reference.answers.rows.slice(0, 2)),
    team('=HYPERLINK("http://evil.example")', []),
  ].map((s) => ({ key: serialiseSubmission(s), submission: s, report: grade(s) }));

  it('counts, for each expected item, how many covered it, most missed first', () => {
    const tallies = itemTallies(entries);
    expect(tallies.length).toBe(entries[0]?.report.items.length);
    expect(tallies.every((t) => t.total === 3)).toBe(true);
    expect(tallies[0]?.covered).toBeLessThanOrEqual(tallies.at(-1)?.covered ?? 0);
    const firstItem = entries[0]?.report.items[0];
    expect(tallies.find((t) => t.id === firstItem?.id)?.covered).toBe(
      entries.filter((e) => e.report.items.find((i) => i.id === firstItem?.id)?.covered).length,
    );
  });

  it('bins scores in tens, and names rows by team and learner', () => {
    const bins = distribution(entries);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(3);
    expect(bins[9]).toBe(1);
    expect(whoOf(createSubmission('stride-medical-imaging', reference.answers, NOW, {}))).toBe('anonymous (10:00)');
  });

  it('writes a CSV with every score and part, safe from formula injection', () => {
    const csv = dashboardCsv('stride-medical-imaging', entries);
    expect(csv).toContain(`,${entries[0]?.report.score.toFixed(4)},`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain('Expected item,Covered by,Out of');
  });
});

describe('room links', () => {
  it('round-trip a code and time boxes, and refuse malformed ones', () => {
    const link = roomLink('https://lab.example', '/projects/stride-medical-imaging/', {
      code: 'blue-2026',
      boxes: [10, 25],
    });
    expect(link).toBe('https://lab.example/projects/stride-medical-imaging/?room=blue-2026&t=10-25');
    expect(roomFromQuery(new URL(link).search)).toEqual({ room: { code: 'blue-2026', boxes: [10, 25] }, ignored: [] });
    expect(roomFromQuery('?room=<script>')).toEqual({
      room: null,
      ignored: [expect.stringContaining('room code "<script>" is not valid')],
    });
    expect(roomFromQuery('?other=1')).toEqual({ room: null, ignored: [] });
    expect(parseRoom({ code: 'ok', boxes: [500] })).toBeNull();
    expect(parseRoom({ code: 'ok', boxes: [], extra: 1 })).toBeNull();
  });

  it('keep each time box on its own step: a blank step shifts no other, and a bad box is ignored and named', () => {
    const link = roomLink('https://lab.example', '/p/', { code: 'r1', boxes: [null, 20, null, 10, null] });
    expect(link).toBe('https://lab.example/p/?room=r1&t=-20--10');
    expect(roomFromQuery(new URL(link).search).room).toEqual({ code: 'r1', boxes: [null, 20, null, 10] });
    expect(roomLink('https://lab.example', '/p/', { code: 'r1', boxes: [null, null] })).toBe(
      'https://lab.example/p/?room=r1',
    );
    const bad = roomFromQuery('?room=ok-room&t=10-abc-500-20', ['Decompose', 'Analyze', 'Rate', 'Mitigate']);
    expect(bad.room).toEqual({ code: 'ok-room', boxes: [10, null, null, 20] });
    expect(bad.ignored).toEqual([
      'Joined room ok-room. The link’s time boxes had problems, ignored: "abc" for Analyze (not 1 to 240 minutes); "500" for Rate (not 1 to 240 minutes).',
    ]);
    expect(parseRoom({ code: 'ok', boxes: [null, 15] })).toEqual({ code: 'ok', boxes: [null, 15] });
    expect(parseRoom({ code: 'ok', boxes: [1.5] })).toBeNull();
  });
});
