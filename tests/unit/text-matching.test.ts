import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileConcept,
  compileText,
  editDistance,
  mentions,
  mentionsAll,
  similarWords,
  wordCount,
} from '../../src/lib/grading/text';

const concept = (...synonyms: string[]) => compileConcept('c', synonyms);
const says = (text: string, ...synonyms: string[]) => mentions(compileText(text), concept(...synonyms));

describe('concept matching', () => {
  it('tolerates typos but keeps meaning: "posioned trainig data" is poisoned training data', () => {
    expect(says('Attackers add posioned trainig data to the PACS export', 'poisoned training data')).toBe('yes');
    expect(says('poisoning of the labels', 'poisoned labels')).toBe('yes');
  });

  it('never takes de-identification for re-identification', () => {
    expect(says('Images are de-identified; de-identification removes names', 're-identification', 're-identify')).toBe(
      'no',
    );
    expect(says('An attacker could re-identify patients from the images', 're-identification', 're-identify')).toBe(
      'yes',
    );
    expect(says('reidentification of patients', 're-identification')).toBe('yes');
  });

  it('ignores case, accents, punctuation and stop words', () => {
    expect(says('MEMBERSHIP-inférence!!', 'membership inference')).toBe('yes');
    expect(says('the model is stolen by the attacker', 'model stolen')).toBe('yes');
  });

  it('lets a phrase span small gaps but not whole clauses', () => {
    expect(says('training data that was poisoned', 'training data poisoned')).toBe('yes');
    expect(says('training data is fine. later something poisoned', 'training data poisoned')).toBe('no');
  });

  it('does not count a negated mention', () => {
    expect(says('there is no encryption at rest', 'encryption')).toBe('negated');
    expect(says('without rate limiting, queries are unbounded', 'rate limiting')).toBe('negated');
    expect(says('add rate limiting to the API', 'rate limiting')).toBe('yes');
  });

  it('does not stretch short words: "api" is not "apt"', () => {
    expect(says('an apt attacker', 'api')).toBe('no');
    expect(says('the API', 'api')).toBe('yes');
  });

  it('needs every group of an AND-of-ORs', () => {
    const groups = [[concept('poison', 'tamper')], [compileConcept('labels', ['label', 'annotation'])]];
    expect(mentionsAll(compileText('radiologist annotations get tampered'), groups)).toBe(true);
    expect(mentionsAll(compileText('tampered weights'), groups)).toBe(false);
  });

  it('counts meaningful words', () => {
    expect(wordCount(compileText('The model is on the API.'))).toBe(2);
  });
});

describe('word similarity', () => {
  it('allows one edit from 5 letters, two from 9, none below 5, first letter fixed', () => {
    expect(similarWords('poison', 'posion')).toBe(true);
    expect(similarWords('model', 'modle')).toBe(true);
    expect(similarWords('data', 'date')).toBe(false);
    expect(similarWords('inference', 'infrenece')).toBe(true);
    expect(similarWords('poison', 'toison')).toBe(false);
  });

  it('is symmetric and reflexive', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), fc.stringMatching(/^[a-z]{1,12}$/), (a, b) => {
        expect(similarWords(a, a)).toBe(true);
        expect(similarWords(a, b)).toBe(similarWords(b, a));
      }),
    );
  });

  it('computes a capped edit distance', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abcd', 'abdc', 2)).toBe(1);
    expect(editDistance('short', 'a much longer word', 2)).toBe(3);
  });
});

describe('concepts compiled at different times', () => {
  it('finds a concept compiled after the text was already matched against another one', () => {
    compileConcept('late-0', ['labels', 'training data']);
    const text = compileText('The labels were changed before training');
    expect(mentions(text, compileConcept('late-1', ['poisoning']))).toBe('no');
    // Same words as earlier concepts, new concept object: must still be found.
    expect(mentions(text, compileConcept('late-2', ['labels']))).toBe('yes');
    expect(mentions(text, compileConcept('late-3', ['training data', 'labels']))).toBe('yes');
  });
});
