import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The bonus when two roles meet (order ignored), times `weights.roleMix`' })
export class RoleMixRule {
  @Field(() => [String], { description: 'Two role names, lower-cased' })
  roles!: string[];

  @Field(() => Float)
  bonus!: number;
}

@ObjectType({ description: 'The weights of the pair score (see libs/matching/README.md, “The pair score”)' })
export class MatchingRulesWeights {
  @Field(() => Float, { description: 'Shared interests (default 1)' })
  interest!: number;

  @Field(() => Float, { description: 'Complementarity: what one looks for, the other offers (default 1)' })
  complementarity!: number;

  @Field(() => Float, { description: 'Shared stack (default 0.4)' })
  stack!: number;

  @Field(() => Float, { description: 'Multiplier of the role-mix table (default 1)' })
  roleMix!: number;

  @Field(() => Float, { description: 'Both wished to meet (default 1)' })
  mutualWish!: number;

  @Field(() => Float, { description: 'One wished to meet the other (default 0.3; at most mutualWish)' })
  oneWayWish!: number;

  @Field(() => Float, { description: 'Penalty for colleagues when sameCompany is "penalty" (default 0.5)' })
  sameCompany!: number;

  @Field(() => Float, { nullable: true, description: 'Share of the free-text affinity, 0…1; null: the engine’s default' })
  text!: number | null;

  @Field(() => [RoleMixRule])
  roleMixTable!: RoleMixRule[];
}

@ObjectType({ description: 'A group of attendees: everyone with this role, or with this ticket type (exactly one is set)' })
export class PeopleGroup {
  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  ticketType!: string | null;
}

@ObjectType({ description: 'A who-can-meet-whom hard rule: the people `who` selects meet only `onlyWith` groups, or anyone but `notWith` groups (one is set); it binds both ways' })
export class MeetingRule {
  @Field(() => PeopleGroup)
  who!: PeopleGroup;

  @Field(() => [PeopleGroup], { nullable: true })
  onlyWith!: PeopleGroup[] | null;

  @Field(() => [PeopleGroup], { nullable: true })
  notWith!: PeopleGroup[] | null;
}

@ObjectType({ description: 'An organiser’s matching rules, defaults filled in: the same document as `pairwise plan --rules FILE`' })
export class MatchingRules {
  @Field(() => Int)
  version!: number;

  @Field(() => MatchingRulesWeights)
  weights!: MatchingRulesWeights;

  @Field({ description: '"penalty" (colleagues score `weights.sameCompany` less) or "forbid" (colleagues never meet)' })
  sameCompany!: string;

  @Field(() => [MeetingRule])
  whoCanMeet!: MeetingRule[];

  @Field({ description: 'The rules as one JSON document, for `pairwise plan --rules FILE`' })
  document!: string;
}

@ObjectType({ description: 'How an event matches people, as its organisers set it' })
export class EventMatchingRules {
  @Field(() => MatchingRules, { description: 'The rules the next generated round will use (each round keeps its own: Round.matchingRules)' })
  rules!: MatchingRules;

  @Field({ description: 'Pairs who met at an earlier event of the same organisers are never paired again' })
  conflictsFromEarlierEvents!: boolean;

  @Field(() => Int, { description: 'Conflicts of interest imported for this event (pairs)' })
  conflicts!: number;
}

@ObjectType({ description: 'A value of the conflicts file that names no attendee of the event' })
export class UnknownConflictName {
  @Field(() => Int, { description: 'Line in the file' })
  line!: number;

  @Field()
  value!: string;
}

@ObjectType({ description: 'What an import of conflicts of interest did (or would do, with dryRun)' })
export class ConflictsImport {
  @Field()
  dryRun!: boolean;

  @Field(() => Int, { description: 'Lines read (groups of people who know each other)' })
  lines!: number;

  @Field(() => Int, { description: 'New pairs that will never be matched' })
  added!: number;

  @Field(() => Int, { description: 'Pairs already recorded' })
  alreadyKnown!: number;

  @Field(() => [UnknownConflictName], { description: 'Names or emails that match no attendee: skipped' })
  unknown!: UnknownConflictName[];

  @Field(() => [String], { nullable: true, description: 'The first line, when it was read as a header (none of its cells names an attendee)' })
  header!: string[] | null;

  @Field(() => EventMatchingRules)
  matching!: EventMatchingRules;
}
