import { Field, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/**
 * A page of a list in the connection shape (`edges { cursor node }`, `pageInfo`), declared once for
 * every list (Nest's `Paginated` recipe): registers the list's edge type under `edgeName` and
 * returns the abstract page its connection type extends with what it adds (e.g. `totalCount`).
 * paging.ts builds the values.
 */
export function Connection<Node>(node: Type<Node>, edgeName: string, pageInfo: Type<PageInfo> = PageInfo) {
  @ObjectType(edgeName)
  abstract class EdgeType implements Edge<Node> {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: Node;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges!: Edge<Node>[];

    @Field(() => pageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}
