import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { SetMatchingRulesInput } from './inputs/matching-rules.input';
import { toEventMatchingRulesModel } from './matching-rules.mapper';
import { MatchingRulesService } from './matching-rules.service';
import { ConflictsImport, EventMatchingRules } from './models/matching-rules.model';

@Resolver()
export class MatchingRulesResolver {
  constructor(private readonly service: MatchingRulesService) {}

  @Query(() => EventMatchingRules, { description: 'Organisers: how the event matches people — its rules document and conflicts of interest' })
  async matchingRules(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }) eventId: string): Promise<EventMatchingRules> {
    return toEventMatchingRulesModel(await this.service.get(actor, eventId));
  }

  @Mutation(() => EventMatchingRules, {
    description: 'Organisers: replace the event’s rules document (validated; RULES_INVALID names the field) and/or the earlier-events opt-in, for the rounds generated from now on',
  })
  async setMatchingRules(@CurrentActor() actor: Actor, @Args('input') input: SetMatchingRulesInput): Promise<EventMatchingRules> {
    return toEventMatchingRulesModel(await this.service.set(actor, input));
  }

  @Mutation(() => ConflictsImport, {
    description:
      'Organisers: record people who already know each other (co-authors, same lab, same team) so they are never paired — a CSV, one line per group of two or more names or emails; unknown ones reported, ambiguous names refused',
  })
  async importConflicts(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('csv', { description: 'The CSV text; a first line naming nobody is read as a header' }) csv: string,
    @Args('dryRun', { defaultValue: false, description: 'Write nothing: report what the import would do' }) dryRun: boolean,
  ): Promise<ConflictsImport> {
    const result = await this.service.importConflicts(actor, eventId, csv, dryRun);
    return { ...result, matching: toEventMatchingRulesModel(result.matching) };
  }

  @Mutation(() => EventMatchingRules, { description: 'Organisers: forget every imported conflict of interest of the event' })
  async clearConflicts(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }) eventId: string): Promise<EventMatchingRules> {
    return toEventMatchingRulesModel(await this.service.clearConflicts(actor, eventId));
  }
}
