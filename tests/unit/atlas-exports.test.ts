import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atlasGradingCatalog } from '../../src/lib/exercises/atlas/context';
import { atlasMarkdown, navigatorLayer, tacticShortName } from '../../src/lib/exercises/atlas/export';
import { atlasReferenceAnswers } from '../../src/lib/exercises/atlas/reference';
import { createSubmission, readSubmission, serialiseSubmission, validateAnswers } from '../../src/lib/share/submission';
import { type AtlasAnswers } from '../../src/lib/exercises/atlas/answers';
import { loadCatalogFiles } from '../../scripts/lib/catalog';
import { loadRubric } from '../../scripts/lib/rubrics';

const atlas = loadCatalogFiles().find((f) => f.framework === 'atlas');
if (!atlas || atlas.framework !== 'atlas') throw new Error('no ATLAS catalog');
const catalog = atlasGradingCatalog(atlas);
const rubric = loadRubric('atlas-fraud-simulation');
const reference = atlasReferenceAnswers(rubric, catalog);
const submit = (answers: AtlasAnswers) =>
  createSubmission('atlas-fraud-simulation', answers, new Date('2026-11-26T10:00:00Z'), { learner: 'Ada' });

describe('ATLAS Navigator layer', () => {
  it('lists the chain in order under its tactics, with legend, colors, comments and the ATLAS domain', () => {
    const layer = navigatorLayer(submit(reference), catalog, 'Fraud scoring');
    expect(layer.domain).toBe('atlas-atlas');
    expect(layer.versions.layer).toBe('4.5');
    expect(layer.techniques.map((t) => t.techniqueID)).toEqual(reference.chain.map((c) => c.technique));
    for (const t of layer.techniques) {
      expect(t.color).toMatch(/^#[0-9a-f]{6}$/);
      const tactics = catalog.techniques.find((x) => x.id === t.techniqueID)?.tactics ?? [];
      expect(tactics.map((id) => tacticShortName(catalog.tactics.find((x) => x.id === id)?.name ?? ''))).toContain(
        t.tactic,
      );
    }
    expect(layer.techniques[0]?.comment).toMatch(/^Step 1 of the kill chain\./);
    expect(layer.legendItems.length).toBe(3);
  });

  it('uses the tactic the learner chose, leaves out IDs ATLAS does not have, and keeps learner text as plain data', () => {
    const answers: AtlasAnswers = {
      ...reference,
      chain: [
        { technique: 'AML.T0015', tactic: 'AML.TA0011', rationale: '<script>alert(1)</script>' },
        { technique: 'AML.T9999' },
        { technique: 'aml.t0040' },
      ],
    };
    const layer = navigatorLayer(submit(answers), catalog, 'Fraud scoring');
    expect(layer.techniques.map((t) => [t.techniqueID, t.tactic])).toEqual([
      ['AML.T0015', 'impact'],
      ['AML.T0040', 'ai-model-access'],
    ]);
    expect(layer.techniques[0]?.comment).toContain('<script>alert(1)</script>');
    expect(JSON.parse(JSON.stringify(layer))).toEqual(layer);
  });

  it('names the ATLAS release it was built from, in its metadata and description', () => {
    const layer = navigatorLayer(submit(reference), catalog, 'Fraud scoring');
    expect(layer.versions.layer).toMatch(/^4\.\d+$/);
    expect(layer.metadata).toContainEqual({ name: 'ATLAS release', value: '2026.09' });
    expect(layer.description).toContain('(MITRE ATLAS 2026.09)');
  });

  it("cites an ID a release removed by its successor, as the grader reads it, under the successor's tactic", () => {
    const layer = navigatorLayer(
      submit({
        ...reference,
        chain: [{ technique: 'AML.T0058' }],
        defenses: [{ mitigation: 'AML.M0014', counters: ['AML.T0058'] }],
      }),
      catalog,
      'Fraud scoring',
    );
    expect(layer.techniques.map((t) => [t.techniqueID, t.tactic])).toEqual([['AML.T0115.001', 'resource-development']]);
    expect(layer.techniques[0]?.comment).toContain('Countered by AML.M0014.');
    const md = atlasMarkdown(submit({ ...reference, chain: [{ technique: 'AML.T0058' }] }), catalog, {
      title: 'Fraud scoring',
      roeNames: {},
    });
    expect(md).toContain('1. **AML.T0115.001 Models**');
    expect(md).toContain('> AML.T0058 Publish Poisoned Models was removed in ATLAS 2026.07');
  });

  it('spells tactic names the Navigator way', () => {
    expect(tacticShortName('AI Attack Adaptation')).toBe('ai-attack-adaptation');
    expect(tacticShortName('AI Attack Staging')).toBe('ai-attack-staging');
    expect(tacticShortName('Command and Control')).toBe('command-and-control');
  });
});

describe('after-action report (Markdown)', () => {
  it('escapes whatever the learner typed, anywhere in the report (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const md = atlasMarkdown(
          submit({
            ...reference,
            chain: [{ technique: 'AML.T0040', rationale: text, detection: text }],
            defenses: [{ mitigation: 'AML.M0024', counters: ['AML.T0040'], note: text }],
            hardening: text,
          }),
          catalog,
          { title: 'Fraud scoring', roeNames: {} },
        );
        // Markdown renders an escaped "\\<" as a literal character; an unescaped one could open a tag.
        expect(md).not.toMatch(/(^|[^\\])<[a-z!/]/im);
        expect(md).not.toMatch(/(^|[^\\])\]\(/);
      }),
    );
  });

  it('names techniques and mitigations, and says when an ID is not in ATLAS', () => {
    const md = atlasMarkdown(submit({ ...reference, chain: [{ technique: 'AML.T9999' }], runs: [] }), catalog, {
      title: 'Fraud scoring',
      roeNames: {},
    });
    expect(md).toContain('AML.T9999 not an ATLAS 2026.09 technique');
    expect(md).toContain('No runs recorded.');
    expect(atlasMarkdown(submit(reference), catalog, { title: 'Fraud scoring', roeNames: {} })).toContain(
      'AML.M0004 Limit AI Service Query Volume and Rate',
    );
  });
});

describe('Project 3 submissions', () => {
  it('round-trip through the file format', () => {
    const submission = submit(reference);
    const read = readSubmission(serialiseSubmission(submission));
    expect(read.ok && read.value).toEqual(submission);
  });

  it('refuse answers of the wrong shape, and keep half-typed IDs for the grader to explain', () => {
    expect(validateAnswers('atlas-fraud-simulation', { ...reference, chain: 'AML.T0040' })).toBeNull();
    expect(validateAnswers('atlas-fraud-simulation', { ...reference, runs: [{ attack: 'evasion-auto' }] })).toBeNull();
    expect(validateAnswers('atlas-fraud-simulation', { ...reference, roe: ['Not An Id'] })).toBeNull();
    expect(
      validateAnswers('atlas-fraud-simulation', {
        ...reference,
        defenses: [{ mitigation: 'AML.M0004', counters: [], extra: 1 }],
      }),
    ).toBeNull();
    expect(
      validateAnswers('atlas-fraud-simulation', {
        ...reference,
        chain: Array.from({ length: 201 }, () => ({ technique: 'AML.T0040' })),
      }),
    ).toBeNull();
    expect(
      validateAnswers('atlas-fraud-simulation', { ...reference, chain: [{ technique: 'aml.t00' }] })?.chain[0]
        ?.technique,
    ).toBe('aml.t00');
    const run = {
      attack: 'evasion-auto',
      defenses: [],
      seed: 1,
      achieved: true,
      queries: 3,
      payoff: 500,
      timeToDetect: null,
      alertsSeen: 0,
      aucBefore: 0.9,
      aucAfter: 0.9,
      recallBefore: 0.7,
      recallAfter: 0.7,
      ranAt: '2026-11-26T10:00:00Z',
    };
    expect(validateAnswers('atlas-fraud-simulation', { ...reference, runs: [run] })?.runs).toEqual([run]);
    expect(validateAnswers('atlas-fraud-simulation', { ...reference, runs: [{ ...run, aucAfter: 2 }] })).toBeNull();
    expect(
      validateAnswers('atlas-fraud-simulation', { ...reference, runs: [{ ...run, ranAt: 'yesterday' }] }),
    ).toBeNull();
  });
});
