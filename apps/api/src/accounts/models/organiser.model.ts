import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AccessCodeGrant } from '../../auth/models/auth.models';

@ObjectType({ description: 'A staff account that organises an event' })
export class Organiser {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;
}

@ObjectType()
export class OrganiserGrant {
  @Field(() => Organiser)
  organiser!: Organiser;

  @Field(() => AccessCodeGrant, { description: 'Give this code to the organiser: they sign in with it once' })
  accessCode!: AccessCodeGrant;
}
