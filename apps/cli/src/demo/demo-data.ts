import type { Profile } from '@pairwise/matching';
import { slugify, type VocabularyEntry } from '@pairwise/vocabulary';
import type { ProfileChanges, ShareableField } from '../../../api/src/public-api';

/**
 * Turns `generateConference` profiles (ids `p00001`…, companies `company-7`,
 * slug tags) into what a real event would hold: company names, e-mail
 * addresses, a short bio, and a tag vocabulary with readable labels.
 */

const COMPANY_STEMS = [
  'Nimbus', 'Vectorial', 'Lattice', 'Northwind', 'Quanta', 'Helix', 'Bluefin', 'Arbor', 'Cobalt', 'Meridian',
  'Sable', 'Tessellate', 'Orbital', 'Kestrel', 'Juniper', 'Fathom', 'Granite', 'Lumen', 'Parallax', 'Saffron',
  'Tidal', 'Umbra', 'Verity', 'Wren', 'Zephyr', 'Anvil', 'Beacon', 'Cinder', 'Delta', 'Ember',
];
const COMPANY_SUFFIXES = ['Labs', 'AI', 'Systems', 'Robotics', 'Analytics', 'Health', 'Cloud', 'Research'];

/** Words written in capitals in a tag label ("gpu-kernels" → "GPU kernels"). */
const ACRONYMS = new Set(['ai', 'llm', 'rag', 'rlhf', 'gpu', 'ml', 'kv', 'ux', 'cuda', 'aws', 'gcp', 'dbt', 'r', 'onnx', 'jax', 'vllm']);
/** Labels that are not just the slug's words. */
const LABELS: Record<string, string> = {
  mlops: 'MLOps', typescript: 'TypeScript', pytorch: 'PyTorch', tensorrt: 'TensorRT', huggingface: 'Hugging Face',
  langchain: 'LangChain', llamaindex: 'LlamaIndex', postgres: 'PostgreSQL', pgvector: 'pgvector', nextjs: 'Next.js',
  'c++': 'C++', 'flash-attention': 'FlashAttention', deepspeed: 'DeepSpeed', 'open-weights': 'Open weights',
};
const SYNONYMS: Record<string, string[]> = {
  rag: ['Retrieval-Augmented Generation'],
  llm: ['Large Language Models', 'LLMs'],
  rlhf: ['Reinforcement Learning from Human Feedback'],
  'fine-tuning': ['finetuning'],
  'vector-databases': ['vector DB', 'vector search'],
  'inference-optimization': ['inference optimisation'],
  'ai-safety': ['safety'],
  postgres: ['PostgreSQL'],
  kubernetes: ['k8s'],
  'c++': ['cpp'],
};

/** Who sees what: partners see more than the defaults, as most attendees would choose. */
export const DEMO_SHARED_FIELDS: ShareableField[] = ['name', 'role', 'company', 'interests', 'lookingFor', 'canOffer', 'stack', 'languages'];

export function companyName(synthetic: string | undefined): string | null {
  const rank = Number(/^company-(\d+)$/.exec(synthetic ?? '')?.[1]);
  if (!rank) return synthetic ?? null;
  const k = rank - 1;
  const stem = COMPANY_STEMS[k % COMPANY_STEMS.length]!;
  const suffix = COMPANY_SUFFIXES[Math.floor(k / COMPANY_STEMS.length) % COMPANY_SUFFIXES.length]!;
  const lap = Math.floor(k / (COMPANY_STEMS.length * COMPANY_SUFFIXES.length));
  return lap ? `${stem} ${suffix} ${lap + 1}` : `${stem} ${suffix}`;
}

export function tagLabel(tag: string): string {
  if (LABELS[tag]) return LABELS[tag];
  const words = tag.split('-').map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word));
  const label = words.join(' ');
  return ACRONYMS.has(tag.split('-')[0]!) ? label : label.charAt(0).toUpperCase() + label.slice(1);
}

/** One vocabulary entry per tag the profiles use (interests, stack, goals), with readable labels and a few synonyms. */
export function demoVocabulary(profiles: readonly Profile[]): VocabularyEntry[] {
  const tags = new Set<string>();
  for (const p of profiles) for (const tag of [...p.interests, ...p.stack, ...p.lookingFor, ...p.canOffer]) tags.add(tag);
  return [...tags].sort().map((tag) => ({
    slug: slugify(tag),
    label: tagLabel(tag),
    synonyms: [...(SYNONYMS[tag] ?? []), ...(slugify(tag) !== tag ? [tag] : [])],
  }));
}

/** A profile as an organiser would have entered it (raw tags and labels; the normaliser does the rest). */
export function demoProfile(p: Profile, email: string, present: boolean): ProfileChanges & { email: string; name: string } {
  const company = companyName(p.company);
  const focus = p.interests.slice(0, 2).map((tag) => inSentence(tagLabel(tag))).join(' and ');
  return {
    email,
    name: p.name ?? p.id,
    company,
    role: p.role ?? null,
    seniority: p.seniority ?? null,
    stack: p.stack.map(tagLabel),
    interests: p.interests.map(tagLabel),
    lookingFor: p.lookingFor,
    canOffer: p.canOffer,
    languages: [...p.languages],
    bio: `${jobTitle(p.role, p.seniority)}${company ? ` at ${company}` : ''}${focus ? `, working on ${focus}` : ''}.`,
    consentMatchmaking: true,
    consentNoticeVersion: 'demo',
    sharedFields: DEMO_SHARED_FIELDS,
    present,
  };
}

/** `ada.lovelace@domain`, then `ada.lovelace.2@domain` for the next Ada Lovelace. */
export function emailAllocator(domain: string): (name: string) => string {
  const taken = new Map<string, number>();
  return (name) => {
    const local = slugify(name).replace(/-/g, '.') || 'attendee';
    const count = (taken.get(local) ?? 0) + 1;
    taken.set(local, count);
    return `${count === 1 ? local : `${local}.${count}`}@${domain}`;
  };
}

/** "senior" + "engineer" → "Senior engineer"; founders and investors go by their role alone. */
function jobTitle(role = 'attendee', seniority = 'mid'): string {
  if (!['engineer', 'researcher', 'product'].includes(role)) return capitalise(role);
  if (seniority === 'executive') return `Head of ${role === 'engineer' ? 'engineering' : role === 'researcher' ? 'research' : 'product'}`;
  const noun = role === 'product' ? 'product manager' : role;
  return seniority === 'mid' ? capitalise(noun) : `${capitalise(seniority)} ${noun}`;
}

function capitalise(word: string): string {
  return word ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** A label inside a sentence: "Mixture of experts" → "mixture of experts", but "LLM" stays. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]*(\s|$)/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
