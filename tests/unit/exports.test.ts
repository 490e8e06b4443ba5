import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/export/csv';
import { markdownText, strideMarkdown, strideThreatDragon } from '../../src/lib/exercises/stride/export';
import { createSubmission } from '../../src/lib/share/submission';
import { type StrideRow } from '../../src/lib/exercises/stride/answers';
import { strideExportContext } from '../../src/lib/exercises/stride/context';
import { exercise, scenarioOf } from '../../scripts/lib/exercises';

const hostile: StrideRow = {
  component: 'inference-api',
  category: 'E',
  threat: '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>',
  impact: '+1+1 | pipes | and *stars*',
  likelihood: 3,
  severity: 3,
  mitigation: '@SUM(A1:A9) [link](javascript:alert(1))',
};
const submission = createSubmission(
  'stride-medical-imaging',
  { components: ['inference-api'], rows: [hostile] },
  new Date('2026-11-26T10:00:00Z'),
);
const context = strideExportContext(scenarioOf('stride-medical-imaging'));

describe('CSV', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}cmd`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell(-3)).toBe('-3');
  });

  it('quotes and escapes per RFC 4180, with CRLF line ends', () => {
    expect(
      toCsv([
        ['a,b', 'say "hi"', 'two\nlines'],
        ['x', 1, 'y'],
      ]),
    ).toBe('"a,b","say ""hi""","two\nlines"\r\nx,1,y\r\n');
  });
});

describe('Markdown', () => {
  it('escapes learner text so it cannot become HTML, links or table breaks', () => {
    expect(markdownText('<script>alert(1)</script>')).toBe('\\<script\\>alert\\(1\\)\\</script\\>');
    const md = strideMarkdown(submission, context);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('](javascript:');
    expect(md).toContain('\\| pipes \\|');
  });
});

describe('Threat Dragon', () => {
  it('produces a v2 model: required fields, components with their threats, STRIDE names', () => {
    const model = strideThreatDragon(submission, context) as {
      version: string;
      summary: { title: string };
      detail: {
        contributors: unknown[];
        diagramTop: number;
        reviewer: string;
        threatTop: number;
        diagrams: Array<{
          diagramType: string;
          id: number;
          thumbnail: string;
          title: string;
          version: string;
          cells: Array<{
            id: string;
            shape: string;
            zIndex: number;
            data: { type: string; hasOpenThreats: boolean; threats: Array<Record<string, string>> };
          }>;
        }>;
      };
    };
    expect(model.version).toBe('2.3.0');
    expect(model.summary.title).toBe(context.title);
    const diagram = model.detail.diagrams[0];
    expect(diagram).toMatchObject({ diagramType: 'STRIDE', id: 0, version: '2.3.0' });
    for (const cell of diagram?.cells ?? []) {
      expect(typeof cell.id).toBe('string');
      expect(typeof cell.zIndex).toBe('number');
      expect(['process', 'store', 'actor', 'flow']).toContain(cell.shape);
      expect(typeof cell.data.hasOpenThreats).toBe('boolean');
    }
    const api = diagram?.cells.find((c) => c.data.type === 'tm.Process' && c.data.threats.length > 0);
    expect(api?.data.threats[0]).toMatchObject({
      type: 'Elevation of privilege',
      status: 'Open',
      severity: 'High',
      modelType: 'STRIDE',
      mitigation: hostile.mitigation,
    });
    for (const threat of api?.data.threats ?? [])
      for (const key of ['description', 'mitigation', 'severity', 'status', 'title', 'type'])
        expect(threat).toHaveProperty(key);
    expect(JSON.stringify(strideThreatDragon(submission, context))).toBe(JSON.stringify(model));
  });
});

describe('command-line tools', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aitm-cli-'));
  const tsx = path.resolve('node_modules/.bin/tsx');

  it('grade a reference, a partial and a broken file: one report per valid file, an error line and exit 2 for the rest', async () => {
    const reference = execFileSync(tsx, ['scripts/grade.ts', '--reference', 'stride-medical-imaging'], {
      encoding: 'utf8',
    });
    writeFileSync(path.join(dir, 'reference.json'), reference);
    writeFileSync(path.join(dir, 'hostile.json'), JSON.stringify(submission));
    writeFileSync(path.join(dir, 'broken.json'), '{"format": "aitm.submission", ');
    const run = spawnSync(
      tsx,
      [
        'scripts/grade.ts',
        '--json',
        ...['reference.json', 'broken.json', 'hostile.json'].map((f) => path.join(dir, f)),
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`${path.join(dir, 'broken.json')}: The input is not valid JSON.`);
    const reports = JSON.parse(run.stdout) as Array<{
      file: string;
      exercise: string;
      score: number;
      feedback: unknown[];
    }>;
    expect(reports.map((r) => [path.basename(r.file), r.score])).toEqual([
      ['reference.json', 1],
      ['hostile.json', (await exercise('stride-medical-imaging')).grade(submission).score],
    ]);
    expect(reports[1]?.feedback.length).toBeGreaterThan(0);
  });

  it('export to a file with --out', () => {
    writeFileSync(path.join(dir, 'in.json'), JSON.stringify(submission));
    execFileSync(tsx, [
      'scripts/export.ts',
      '--to',
      'csv',
      '--out',
      path.join(dir, 'out.csv'),
      path.join(dir, 'in.json'),
    ]);
    expect(readFileSync(path.join(dir, 'out.csv'), 'utf8')).toContain(`"'=HYPERLINK(""http://evil.example""`);
  });
  it('Project 3: the reference (with real range runs) grades 1.0, exports a Navigator layer, and a format an exercise lacks is refused', () => {
    const reference = execFileSync(tsx, ['scripts/grade.ts', '--reference', 'atlas-fraud-simulation'], {
      encoding: 'utf8',
    });
    const file = path.join(dir, 'atlas.json');
    writeFileSync(file, reference);
    const reports = JSON.parse(execFileSync(tsx, ['scripts/grade.ts', '--json', file], { encoding: 'utf8' })) as Array<{
      score: number;
    }>;
    expect(reports[0]?.score).toBe(1);
    const layer = JSON.parse(
      execFileSync(tsx, ['scripts/export.ts', '--to', 'navigator', file], { encoding: 'utf8' }),
    ) as { domain: string; techniques: Array<{ techniqueID: string }> };
    expect(layer.domain).toBe('atlas-atlas');
    expect(layer.techniques.length).toBeGreaterThan(3);
    const csv = spawnSync(tsx, ['scripts/export.ts', '--to', 'csv', file], { encoding: 'utf8' });
    expect(csv.status).toBe(2);
    expect(csv.stderr).toContain('atlas-fraud-simulation has no csv export; it offers md, navigator and json.');
  }, 30_000);
});
