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

describe('reading threats to LLM applications and agents', () => {
  it('tells indirect from direct prompt injection, and reads a bare one as the broader pattern', () => {
    expect(
      read('An outsider hides instructions in an HTML comment of a public issue, and the coding agent follows them')
        .patterns,
    ).toEqual(['indirect-prompt-injection']);
    expect(read('A user jailbreaks the support chatbot with a role-play prompt').patterns).toEqual([
      'direct-prompt-injection',
    ]);
    expect(read('Prompt injection makes the recommender execute attacker instructions').patterns).toEqual([
      'prompt-injection',
    ]);
  });

  it('reads agency, exfiltration, leaked prompts, executed output, runaway loops, memory and hand-offs', () => {
    const cases: Array<[string, string]> = [
      ['Excessive agency: the agent holds an org-wide token with workflows write', 'excessive-agency'],
      [
        'Injected instructions make the agent curl the installation token to an attacker-controlled server',
        'agent-exfiltration',
      ],
      ['The agent embeds secrets in a markdown image link in a public comment', 'agent-exfiltration'],
      [
        'An issue asks the agent to repeat its instructions, leaking the token in its system prompt',
        'system-prompt-leakage',
      ],
      [
        'The model output is interpolated into a shell command on the orchestrator without escaping',
        'improper-output-handling',
      ],
      [
        'No step limit, so a flaky test sends the agent into an infinite retry loop that burns the budget',
        'agent-runaway-consumption',
      ],
      [
        'An injected instruction is saved into the repository notes and steers every later task',
        'agent-memory-poisoning',
      ],
      ['Anyone on the VPN can post a forged hand-off to the unauthenticated task endpoint', 'agent-message-spoofing'],
      ['The model hallucinates a package name that an attacker has registered on PyPI', 'malicious-package-install'],
    ];
    for (const [threat, pattern] of cases) expect(read(threat).patterns, threat).toContain(pattern);
  });

  it('does not read older systems as agents: memory bugs, feedback loops, human support agents, burned-in text', () => {
    expect(read('A heap overflow in the DICOM parser causes memory corruption on the server').patterns).not.toContain(
      'agent-memory-poisoning',
    );
    expect(read('Bots inflate the feedback loop so the monthly retrain costs more').patterns).not.toContain(
      'agent-runaway-consumption',
    );
    expect(
      read('A phisher impersonates a customer and asks a support agent to change the contact email').patterns,
    ).toEqual(['credential-spoofing']);
    expect(read('A test loops forever and burns the monthly model budget').patterns).not.toContain(
      'deidentification-failure',
    );
    expect(read('Attackers register thousands of fake installs with the app key').patterns).toContain(
      'sybil-participants',
    );
    expect(read('A package install script runs attacker code on the runner').patterns).not.toContain(
      'sybil-participants',
    );
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

  it('knows the controls of agent systems', () => {
    expect(controls('Put the sandbox behind an egress allowlist')).toContain('egress-control');
    expect(controls('Mint a per-task token scoped to one repository')).toContain('agent-tool-limits');
    expect(controls('Require human approval before each push')).toContain('human-approval');
    expect(controls('Call git with an argument list instead of a shell and validate the branch name')).toContain(
      'output-validation',
    );
    expect(controls('Set max steps, a retry limit and billing alerts per task')).toContain('agent-budgets');
    expect(controls('Review notes before they are stored and expire notes after 90 days')).toContain('memory-hygiene');
    expect(controls('Remove the token from the system prompt and treat the prompt as public')).toContain(
      'prompt-secrets',
    );
    expect(controls('Install only approved packages with ignore-scripts')).toContain('dependency-vetting');
    expect(controls('Strip HTML comments from issues and mark untrusted content')).toContain(
      'untrusted-content-handling',
    );
    expect(controls('Limit speed on fault and alert the site console')).not.toContain('agent-budgets');
  });
});
