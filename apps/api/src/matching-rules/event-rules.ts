import type { MatchingRulesInput } from '@pairwise/matching';
import type { MatchingSettings } from '../events/event.entity';

/**
 * The rules document an event's next round is generated with: the organisers' document when they set
 * one, else the event's older weight overrides (none: the defaults, today's scores).
 *
 * Free text is the organisers' choice for their event: its share is 0 until their document sets
 * `weights.text`. Attendees wrote their bios for people, not for the matcher, and an event that
 * never asked for text matching keeps today's scores and speed (reading 10,000 texts costs seconds,
 * docs/benchmarks.md). The offline CLI differs on purpose: a profile file with texts asked for them.
 */
export function eventRules(settings: MatchingSettings): MatchingRulesInput {
  const rules: MatchingRulesInput = settings.rules ?? (settings.weights ? { weights: settings.weights } : {});
  return { ...rules, weights: { ...rules.weights, text: rules.weights?.text ?? 0 } };
}
