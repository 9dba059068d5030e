import type { MatchingRulesInput } from '@pairwise/matching';
import type { MatchingSettings } from '../events/event.entity';

/**
 * The rules document an event's next round is generated with: the organisers' document when they set
 * one, else the event's older weight overrides (none: the defaults, today's scores).
 */
export function eventRules(settings: MatchingSettings): MatchingRulesInput {
  if (settings.rules) return settings.rules;
  return settings.weights ? { weights: settings.weights } : {};
}
