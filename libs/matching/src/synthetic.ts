import type { Profile } from './profile';
import { createPrng, type Prng, type Seed } from './prng';

/**
 * Seeded conference-like attendees for demos, tests and the benchmark:
 * Zipf-skewed interest and stack popularity (a few tags everyone lists, a
 * long tail of niche ones), personas that shape roles and goals, companies
 * of Zipf-skewed size, 2–4 languages (English for most), and a few wishes
 * and blocks.
 */
export interface SyntheticOptions {
  /** Probability that a person wishes to meet 1–3 others. Default 0.1. */
  readonly wishRate?: number;
  /** Probability that a person blocks one other. Default 0.01. */
  readonly blockRate?: number;
}

const INTERESTS = [
  'llm', 'rag', 'agents', 'evals', 'fine-tuning', 'prompt-engineering', 'vector-databases', 'inference-optimization',
  'multimodal', 'computer-vision', 'speech', 'reinforcement-learning', 'rlhf', 'alignment', 'interpretability',
  'ai-safety', 'mlops', 'data-engineering', 'synthetic-data', 'distillation', 'quantization', 'speculative-decoding',
  'kv-cache', 'mixture-of-experts', 'long-context', 'tool-use', 'code-generation', 'robotics', 'embodied-ai',
  'diffusion-models', 'video-generation', 'music-generation', 'recommender-systems', 'search', 'knowledge-graphs',
  'graph-neural-networks', 'time-series', 'forecasting', 'healthcare-ai', 'drug-discovery', 'protein-design',
  'climate-ai', 'fintech-ai', 'legal-ai', 'edtech', 'on-device-ai', 'edge-inference', 'federated-learning',
  'privacy', 'differential-privacy', 'security', 'red-teaming', 'jailbreaks', 'model-governance', 'ai-regulation',
  'open-source-models', 'open-weights', 'benchmarks', 'scaling-laws', 'pretraining', 'tokenization', 'state-space-models',
  'transformers-internals', 'sparse-attention', 'flash-attention', 'gpu-kernels', 'compilers', 'distributed-training',
  'cluster-scheduling', 'cost-optimization', 'observability', 'guardrails', 'structured-output', 'function-calling',
  'memory-systems', 'planning', 'world-models', 'causal-inference', 'bayesian-methods', 'active-learning',
  'human-in-the-loop', 'annotation', 'data-curation', 'dataset-licensing', 'ux-for-ai', 'voice-agents',
  'customer-support-ai', 'sales-automation', 'devtools', 'ai-for-science', 'math-reasoning', 'theorem-proving',
  'chain-of-thought', 'test-time-compute', 'reward-modeling', 'preference-optimization', 'model-merging',
  'continual-learning', 'neuromorphic', 'quantum-ml',
];

const STACK = [
  'python', 'pytorch', 'typescript', 'cuda', 'jax', 'rust', 'go', 'kubernetes', 'ray', 'vllm', 'triton',
  'langchain', 'llamaindex', 'huggingface', 'postgres', 'pgvector', 'spark', 'dbt', 'airflow', 'onnx', 'tensorrt',
  'c++', 'java', 'swift', 'kotlin', 'react', 'nextjs', 'aws', 'gcp', 'azure', 'terraform', 'mojo', 'julia', 'r',
  'scala', 'elixir', 'deepspeed', 'megatron', 'weaviate', 'qdrant',
];

/** Personas: role, share of attendees, and the goals they tend to seek and offer. */
const PERSONAS: readonly { role: string; share: number; seeks: readonly string[]; offers: readonly string[] }[] = [
  { role: 'engineer', share: 0.38, seeks: ['mentorship', 'job-opportunities', 'architecture-review', 'research-collaboration', 'open-source-contributors', 'gpu-access'], offers: ['code-review', 'architecture-review', 'open-source-contributors', 'technical-advice', 'infra-advice', 'beta-testing'] },
  { role: 'researcher', share: 0.18, seeks: ['compute', 'datasets', 'research-collaboration', 'industry-problems', 'funding', 'gpu-access'], offers: ['paper-feedback', 'research-collaboration', 'technical-advice', 'mentorship', 'evaluation-expertise'] },
  { role: 'founder', share: 0.16, seeks: ['funding', 'cofounder', 'first-customers', 'hiring', 'go-to-market-advice', 'design-partners', 'technical-advice'], offers: ['job-opportunities', 'design-partners', 'startup-advice', 'beta-testing', 'industry-problems'] },
  { role: 'investor', share: 0.06, seeks: ['deal-flow', 'technical-advice', 'market-insight', 'cofounder'], offers: ['funding', 'fundraising-advice', 'go-to-market-advice', 'introductions', 'market-insight'] },
  { role: 'product', share: 0.12, seeks: ['user-research', 'technical-advice', 'design-partners', 'beta-testing', 'market-insight'], offers: ['product-feedback', 'user-research', 'go-to-market-advice', 'first-customers'] },
  { role: 'student', share: 0.10, seeks: ['mentorship', 'job-opportunities', 'research-collaboration', 'paper-feedback', 'internships'], offers: ['beta-testing', 'annotation-help', 'open-source-contributors', 'research-collaboration'] },
];

const LANGUAGES = ['fr', 'de', 'es', 'zh', 'ja', 'hi', 'pt', 'it', 'ko', 'ar', 'nl', 'pl', 'ru', 'tr'];
const SENIORITY = ['junior', 'mid', 'senior', 'staff', 'principal', 'executive'];
const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Claude', 'Barbara', 'Edsger', 'Frances', 'Donald', 'Radia', 'Ken', 'Hedy', 'Yann', 'Fei-Fei', 'Geoffrey', 'Joy', 'Andrej', 'Timnit', 'Ilya', 'Daphne', 'Yoshua', 'Cynthia', 'Demis', 'Jeff', 'Sara', 'Noam', 'Mira', 'Pieter'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Shannon', 'Liskov', 'Dijkstra', 'Allen', 'Knuth', 'Perlman', 'Thompson', 'Lamarr', 'Okafor', 'Nakamura', 'Silva', 'Kowalski', 'Haddad', 'Novak', 'Fischer', 'Rossi', 'Moreau', 'Kim', 'Singh', 'Chen', 'Garcia', 'Ivanova', 'Yilmaz', 'Dubois'];

/** Cumulative Zipf(s) weights over `size` ranks. */
function zipfCdf(size: number, s: number): Float64Array {
  const cdf = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) {
    total += 1 / Math.pow(r + 1, s);
    cdf[r] = total;
  }
  for (let r = 0; r < size; r++) cdf[r] = (cdf[r] as number) / total;
  return cdf;
}

function drawRank(cdf: Float64Array, rng: Prng): number {
  const x = rng.next();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function drawDistinct(cdf: Float64Array, count: number, rng: Prng): number[] {
  const picked = new Set<number>();
  for (let guard = 0; picked.size < Math.min(count, cdf.length) && guard < 50 * count; guard++) picked.add(drawRank(cdf, rng));
  return [...picked];
}

function pickSome<T>(items: readonly T[], min: number, max: number, rng: Prng): T[] {
  const count = min + rng.nextInt(max - min + 1);
  return rng.shuffle([...items]).slice(0, count);
}

/**
 * Generates `n` seeded, conference-like profiles with ids `p00001`, `p00002`…
 *
 * Complexity: O(n) time and memory.
 * @throws {RangeError} when n is not a non-negative integer.
 * @example const attendees = generateConference(500, 'demo');
 */
export function generateConference(n: number, seed: Seed, options: SyntheticOptions = {}): Profile[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const rng = createPrng(seed);
  const wishRate = options.wishRate ?? 0.1;
  const blockRate = options.blockRate ?? 0.01;
  const interestCdf = zipfCdf(INTERESTS.length, 1.05);
  const stackCdf = zipfCdf(STACK.length, 1.2);
  const companyCount = Math.max(3, Math.round(n / 5));
  const companyCdf = zipfCdf(companyCount, 0.8);
  const personaCdf = Float64Array.from(PERSONAS.map((_, i) => PERSONAS.slice(0, i + 1).reduce((a, p) => a + p.share, 0)));
  const width = String(Math.max(n, 1)).length + 1;
  const ids = Array.from({ length: n }, (_, i) => `p${String(i + 1).padStart(Math.max(5, width), '0')}`);
  const profiles = ids.map((id) => {
    const persona = PERSONAS[Math.min(PERSONAS.length - 1, drawRank(personaCdf, rng))] as (typeof PERSONAS)[number];
    const languages = rng.next() < 0.92 ? ['en', ...pickSome(LANGUAGES, 1, 3, rng)] : pickSome(LANGUAGES, 2, 4, rng);
    return {
      id,
      name: `${FIRST[rng.nextInt(FIRST.length)]} ${LAST[rng.nextInt(LAST.length)]}`,
      role: persona.role,
      company: `company-${drawRank(companyCdf, rng) + 1}`,
      seniority: SENIORITY[rng.nextInt(SENIORITY.length)] as string,
      interests: drawDistinct(interestCdf, 3 + rng.nextInt(5), rng).map((r) => INTERESTS[r] as string),
      stack: drawDistinct(stackCdf, 2 + rng.nextInt(4), rng).map((r) => STACK[r] as string),
      lookingFor: pickSome(persona.seeks, 1, 3, rng),
      canOffer: pickSome(persona.offers, 1, 3, rng),
      languages,
      wishes: [] as string[],
      blocks: [] as string[],
    };
  });
  for (const p of profiles) {
    if (n > 1 && rng.next() < wishRate) {
      const count = 1 + rng.nextInt(3);
      for (let w = 0; w < count; w++) {
        const other = ids[rng.nextInt(n)] as string;
        if (other !== p.id && !p.wishes.includes(other)) p.wishes.push(other);
      }
    }
    if (n > 1 && rng.next() < blockRate) {
      const other = ids[rng.nextInt(n)] as string;
      if (other !== p.id) p.blocks.push(other);
    }
  }
  // Some wishes are mutual: people who wish someone are often wished back.
  const byId = new Map(profiles.map((p) => [p.id, p]));
  for (const p of profiles) {
    for (const other of p.wishes) {
      const q = byId.get(other);
      if (q !== undefined && rng.next() < 0.3 && !q.wishes.includes(p.id) && !q.blocks.includes(p.id)) q.wishes.push(p.id);
    }
  }
  return profiles;
}
