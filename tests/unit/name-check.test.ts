import { describe, expect, it } from 'vitest';
import { nameChecker } from '../../src/lib/catalog/name-check';

const check = nameChecker([
  { id: 'AML.T0015', names: ['Evade AI Model', 'Evade ML Model'] },
  { id: 'AML.T0043', names: ['Craft Adversarial Data'] },
  { id: 'AML.T0051', names: ['LLM Prompt Injection'] },
  { id: 'AML.T0051.001', names: ['LLM Prompt Injection: Indirect'] },
  { id: 'LLM09:2026', names: ['Vector and Embedding Weaknesses'] },
  { id: 'LLM02:2026', names: ['Sensitive Information Disclosure'] },
  { id: 'LLM02:2025', names: ['Sensitive Information Disclosure'] },
  { id: 'AML.TA0007', names: ['Defense Evasion'] },
]);

describe('IDs written beside another item’s name', () => {
  it('flags a name before or after the wrong ID', () => {
    expect(check('The finding is Craft Adversarial Data (AML.T0015).')).toEqual([
      { id: 'AML.T0015', wrote: 'Craft Adversarial Data', belongsTo: 'AML.T0043' },
    ]);
    expect(check('See LLM02:2026 Vector and Embedding Weaknesses.')).toEqual([
      { id: 'LLM02:2026', wrote: 'Vector and Embedding Weaknesses', belongsTo: 'LLM09:2026' },
    ]);
  });

  it('accepts current and former names, sub-techniques, shared names, lists and unrelated words', () => {
    expect(check('Evade AI Model (AML.T0015), once Evade ML Model (AML.T0015).')).toEqual([]);
    expect(check('LLM Prompt Injection (AML.T0051.001) and LLM Prompt Injection: Indirect (AML.T0051).')).toEqual([]);
    expect(
      check('Sensitive Information Disclosure (LLM02:2025), now LLM02:2026 Sensitive Information Disclosure.'),
    ).toEqual([]);
    expect(check('Evasion moved to LLM09:2026, Sensitive Information Disclosure stayed.')).toEqual([]);
    expect(check('crafted with (AML.T0043) and a vague phrase (AML.T0015)')).toEqual([]);
    // One-word and partial names are not judged: "Evasion (AML.T0015)" is a description, not a name.
    expect(check('Evasion (AML.T0015) and Adversarial Data (AML.T0015)')).toEqual([]);
  });

  it("flags an item's own former name written as if current, unless the text marks it as former", () => {
    const strict = nameChecker([
      {
        id: 'AML.M0004',
        names: ['Limit AI Service Query Volume and Rate', 'Restrict Number of AI Model Queries'],
        current: 'Limit AI Service Query Volume and Rate',
      },
      { id: 'AML.TA0001', names: ['AI Attack Adaptation', 'AI Attack Staging'], current: 'AI Attack Adaptation' },
    ]);
    expect(strict('Start with Restrict Number of AI Model Queries (AML.M0004).')).toEqual([
      { id: 'AML.M0004', wrote: 'Restrict Number of AI Model Queries', belongsTo: 'AML.M0004', former: true },
    ]);
    expect(strict('Steps under AML.TA0001 AI Attack Staging.')).toEqual([
      { id: 'AML.TA0001', wrote: 'AI Attack Staging', belongsTo: 'AML.TA0001', former: true },
    ]);
    expect(
      strict(
        'Limit AI Service Query Volume and Rate (AML.M0004), formerly Restrict Number of AI Model Queries (AML.M0004).',
      ),
    ).toEqual([]);
    expect(strict('The tactic was AML.TA0001 AI Attack Staging until 2026.')).toEqual([]);
    // Without a current name (the first checker), former names are never judged.
    expect(check('Evade ML Model (AML.T0015).')).toEqual([]);
  });
});
