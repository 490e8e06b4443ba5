import type { Level } from '../lib/content/schema';

/** How the Learn page introduces each level. */
export const LEVEL_INFO: Record<Level, { label: string; summary: string }> = {
  beginner: {
    label: 'Beginner',
    summary:
      'The vocabulary and the basic moves: what an AI system is made of, STRIDE, and the shape of the frameworks.',
  },
  intermediate: {
    label: 'Intermediate',
    summary:
      'Applying STRIDE-AI, ATLAS, the AI RMF and the OWASP lists to real designs, and keeping the model current.',
  },
  advanced: {
    label: 'Advanced',
    summary: 'Running threat modeling as a program: automation, red teaming, regulation, agents, and teaching others.',
  },
};
