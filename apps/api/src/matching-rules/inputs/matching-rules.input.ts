import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';

// Validated as one document by the matching library (resolveRules), which names the field: @Allow keeps every field through the whitelist.

@InputType()
export class RoleMixRuleInput {
  @Allow()
  @Field(() => [String])
  roles!: string[];

  @Allow()
  @Field(() => Float)
  bonus!: number;
}

@InputType({ description: 'Weights to change; the others keep their defaults' })
export class MatchingRulesWeightsInput {
  @Allow()
  @Field(() => Float, { nullable: true })
  interest?: number;

  @Allow()
  @Field(() => Float, { nullable: true })
  complementarity?: number;

  @Allow()
  @Field(() => Float, { nullable: true })
  stack?: number;

  @Allow()
  @Field(() => Float, { nullable: true })
  roleMix?: number;

  @Allow()
  @Field(() => Float, { nullable: true })
  mutualWish?: number;

  @Allow()
  @Field(() => Float, { nullable: true })
  oneWayWish?: number;

  @Allow()
  @Field(() => Float, { nullable: true })
  sameCompany?: number;

  @Allow()
  @Field(() => Float, { nullable: true, description: 'Share of the free-text affinity, 0…1 (null: the engine’s default)' })
  text?: number | null;

  @Allow()
  @Field(() => [RoleMixRuleInput], { nullable: true, description: 'Replaces the whole default role-mix table' })
  roleMixTable?: RoleMixRuleInput[];
}

@InputType({ description: 'Exactly one of role or ticketType' })
export class PeopleGroupInput {
  @Allow()
  @Field(() => String, { nullable: true })
  role?: string;

  @Allow()
  @Field(() => String, { nullable: true })
  ticketType?: string;
}

@InputType({ description: 'Exactly one of onlyWith or notWith' })
export class MeetingRuleInput {
  @Allow()
  @Field(() => PeopleGroupInput)
  who!: PeopleGroupInput;

  @Allow()
  @Field(() => [PeopleGroupInput], { nullable: true })
  onlyWith?: PeopleGroupInput[];

  @Allow()
  @Field(() => [PeopleGroupInput], { nullable: true })
  notWith?: PeopleGroupInput[];
}

@InputType({ description: 'A rules document (the JSON of `pairwise plan --rules FILE`); every field optional, defaults filled in' })
export class MatchingRulesInput {
  @Allow()
  @Field(() => Int, { nullable: true, description: '1 (the only version)' })
  version?: number;

  @Allow()
  @Field(() => MatchingRulesWeightsInput, { nullable: true })
  weights?: MatchingRulesWeightsInput;

  @Allow()
  @Field(() => String, { nullable: true, description: '"penalty" (default) or "forbid"' })
  sameCompany?: string;

  @Allow()
  @Field(() => [MeetingRuleInput], { nullable: true, description: 'At most 50 rules' })
  whoCanMeet?: MeetingRuleInput[];
}

@InputType()
export class SetMatchingRulesInput {
  @Allow()
  @Field(() => ID)
  eventId!: string;

  @Allow()
  @Field(() => MatchingRulesInput, { nullable: true, description: 'Replaces the event’s whole rules document (absent: unchanged)' })
  rules?: MatchingRulesInput;

  @Allow()
  @Field(() => Boolean, { nullable: true, description: 'Pairs who met at an earlier event of the same organisers never meet again (absent: unchanged)' })
  conflictsFromEarlierEvents?: boolean;
}
