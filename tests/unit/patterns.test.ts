/**
 * The AI threat-pattern library: its data holds together (every reference resolves, IDs exist in
 * the catalog, phrasings are not ambiguous) and the reader reads rows as a reviewer would.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../scripts/lib/catalog';
import { loadStrideKey } from '../../scripts/lib/rubrics';
import { loadPatternLibrary } from '../../src/data/patterns';
import { meaningfulWords, normaliseText } from '../../src/lib/grading/words';
import { compileLibrary, controlsIn, readBack, readText } from '../../src/lib/patterns/read';
import { sharedVocabulary } from '../../src/lib/patterns/vocabulary';
import { coverage } from '../../src/lib/interview/coverage';
import { loadInterviewContent } from '../../scripts/lib/interview-content';

const library = loadPatternLibrary();
const read = (threat: string, impact = '') => readBack(library, threat, impact);

describe('pattern library data', () => {
  it('links only ATLAS and OWASP IDs the catalog has', () => {
    const catalog = loadCatalog();
    const unknown = library.patterns.flatMap((p) =>
      [...p.atlas, ...p.owasp].filter((id) => !catalog.get(id)).map((id) => `${p.id}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('uses every concept and every control it defines', () => {
    const key = loadStrideKey('stride-medical-imaging');
    const used = new Set([
      ...library.patterns.flatMap((p) => p.match.flat(2)),
      ...key.threats.flatMap((t) => (t.specifics ?? []).flat()),
      ...key.misconceptions.flatMap((m) => [...(m.when ?? []), ...(m.mitigation ?? [])].flat()),
    ]);
    expect(Object.keys(library.concepts).filter((id) => !used.has(id) && id !== 'plain-words')).toEqual([]);
    const controls = new Set(library.patterns.flatMap((p) => p.controls));
    expect(library.controls.map((c) => c.id).filter((id) => !controls.has(id))).toEqual([]);
  });

  it('gives each control phrasing to one control only, so a catch-all is visible as one', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const control of library.controls)
      for (const phrase of control.phrasings) {
        const key = meaningfulWords(normaliseText(phrase)).join(' ');
        const first = owner.get(key);
        if (first && first !== control.id) shared.push(`"${phrase}" in ${first} and ${control.id}`);
        owner.set(key, control.id);
      }
    expect(shared).toEqual([]);
  });

  it('has no phrasing that stop words empty or shrink to one word it did not say', () => {
    const bad = Object.entries(library.concepts).flatMap(([id, phrases]) =>
      phrases
        .filter((p) => {
          const words = meaningfulWords(normaliseText(p));
          return words.length === 0 || (words.length === 1 && /\s/.test(p.trim()) && !/[-.]/.test(p));
        })
        .map((p) => `${id}: "${p}"`),
    );
    // These two-word phrasings keep one strong word on purpose ("pose as" -> "pose").
    const deliberate = new Set(
      [
        'pose as',
        'poses as',
        'pretend to be',
        'shell on',
        'readable by',
        'readable to',
        'visible to',
        'burned into',
        'burnt into',
        'on purpose',
        'by habit',
        'in transit',
        'shown to',
        'on the worklist',
        'to the worklist',
      ].map((p) => p),
    );
    expect(bad.filter((b) => !deliberate.has(b.slice(b.indexOf('"') + 1, -1)))).toEqual([]);
  });
});

describe('reading a threat sentence', () => {
  it('reads a pickled checkpoint loaded with torch.load as unsafe deserialization', () => {
    expect(
      read('The setup script calls torch.load on the hub checkpoint, which runs code hidden in the pickle').patterns,
    ).toContain('unsafe-model-deserialization');
  });

  it('reads expert vocabulary: relabel, swamp, replayed results, extraction from scores', () => {
    expect(read('A contractor reader relabels pneumothorax studies as normal').patterns).toContain('label-poisoning');
    expect(read('A buggy script swamps the inference endpoint with requests').patterns).toContain(
      'inference-denial-of-service',
    );
    expect(read('An old result is replayed to the worklist for a different study').patterns).toContain(
      'output-tampering',
    );
    expect(read('A caller with the key trains a surrogate model from the three-decimal scores').patterns).toContain(
      'model-extraction',
    );
  });

  it('does not read "production" as "prediction" or "replaced" as "replayed"', () => {
    expect(read('A team member moves the production alias to an unevaluated version').patterns).not.toContain(
      'output-tampering',
    );
    expect(read('Someone replaced the archive images after export').patterns).not.toContain('output-tampering');
  });

  it('reads the narrower pattern when a broader one is also stated', () => {
    const reading = read('A labeler flips pneumothorax labels to normal in the training data');
    expect(reading.patterns).toContain('label-poisoning');
    expect(reading.patterns).not.toContain('data-poisoning');
  });

  it('takes the threat sentence first, and the impact only when the sentence states nothing', () => {
    const fromThreat = read(
      'Anyone with the shared API key impersonates a modality router',
      'They could inject results, flood the service and leave logs that cannot show who did it',
    );
    expect(fromThreat).toMatchObject({ source: 'threat', stuffed: false });
    expect(fromThreat.patterns).toEqual(['credential-spoofing']);
    const fromImpact = read(
      'A careless colleague at another hospital site',
      'floods the API with requests until triage stops',
    );
    expect(fromImpact).toMatchObject({ source: 'impact', patterns: ['inference-denial-of-service'] });
  });

  it('does not call alternative actors joined by "or" several threats', () => {
    const reading = read(
      'A contractor reader, an insider or malware on the file server flips pneumothorax labels to normal',
    );
    expect(reading.stuffed).toBe(false);
    expect(reading.patterns).toContain('label-poisoning');
  });

  it('calls a list of attack names stuffing, and a thin sentence too thin', () => {
    expect(
      read(
        'Data poisoning, backdoor, evasion, adversarial examples, model extraction, membership inference, model inversion',
      ).stuffed,
    ).toBe(true);
    expect(read('Poisoned labels').thin).toBe(true);
  });
});

describe('one vocabulary everywhere', () => {
  it('lets an interview key point accept the library’s phrasings of the same control', () => {
    const question = loadInterviewContent().questions.find((q) =>
      q.keyPoints.some((p) => p.label === 'Limit queries and output detail'),
    );
    if (!question) throw new Error('the extraction question is gone');
    const answer =
      'Extraction means many chosen queries and a substitute trained on the outputs, which also serves as a proxy for further attacks. Defend with rate limiting and output minimisation, and detect it with telemetry on per-account query volume.';
    const point = coverage(question, answer).points.find((p) => p.label === 'Limit queries and output detail');
    expect(point?.covered).toBe(true);
  });

  it('widens only with phrasings that mean the same control, not with broad verbs', () => {
    const widen = sharedVocabulary(library);
    expect(widen(['label only'])).toContain('output minimisation');
    expect(widen(['tamper'])).toEqual(['tamper']);
  });
});

describe('reading a mitigation', () => {
  const lib = compileLibrary(library);
  const controls = (text: string) => [...controlsIn(lib, readText(lib, text))];

  it('knows the controls experts name', () => {
    expect(controls('Verify a recorded SHA-256 of the checkpoint before loading it')).toContain('artifact-integrity');
    expect(controls('OCR-based burned-in text detection and pixel redaction before export')).toContain('deid-controls');
    expect(controls('Adjudicating feedback against the final report before training')).toContain('feedback-controls');
    expect(controls('Per-user caps on disagree clicks each quarter')).toContain('feedback-controls');
    expect(controls('Load it with torch.load(weights_only=True) in a sandbox')).toEqual(
      expect.arrayContaining(['safe-loading', 'sandboxing']),
    );
  });
});
