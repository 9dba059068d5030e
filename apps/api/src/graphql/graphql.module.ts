import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { GraphQLModule } from '@nestjs/graphql';
import type { AppConfig } from '../config/app-config';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { APP_LOGGER, type AppLogger } from '../logging/app-logger';
import { applyArgumentRules } from './argument-rules';
import { DateTimeScalar } from './date-time.scalar';
import { ERROR_REASON_ENUMS } from './error-reasons';
import { formatGraphqlError, isClientFacing } from './format-graphql-error';
import { INTERNAL_ERROR_LOG_MESSAGE, internalErrorLogPlugin } from './internal-error-log.plugin';
import { queryCostPlugin } from './query-cost.plugin';
import type { GraphqlContext } from '../common/graphql-context';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { EventsRepository } from '../events/events.repository';
import { RoundsRepository } from '../rounds/rounds.repository';
import { createRequestLoaders } from './request-loaders';

/** Over HTTP, Fastify's request; its reply comes as the second argument (it carries the rate-limit headers). */
type HttpContextSource = GraphqlContext['req'];

/** What graphql-ws hands the context factory for each operation on a socket. */
interface WsContextSource {
  connectionParams?: Record<string, unknown>;
  extra?: { request?: { socket?: { remoteAddress?: string } } };
}

/** Over WebSocket the token travels in `connectionParams.authorization`, checked like the HTTP header. */
function requestFromConnection(source: WsContextSource): GraphqlContext['req'] {
  const params = source.connectionParams ?? {};
  const authorization = params.authorization ?? params.Authorization;
  return {
    headers: { authorization: typeof authorization === 'string' ? authorization : undefined },
    ip: source.extra?.request?.socket?.remoteAddress,
  };
}

/** Code-first Apollo server at /graphql; the schema file is rewritten in development only. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [ConfigService, APP_LOGGER, EventsRepository, AttendeesRepository, RoundsRepository],
      useFactory: (config: ConfigService<AppConfig, true>, logger: AppLogger, events: EventsRepository, attendees: AttendeesRepository, rounds: RoundsRepository): ApolloDriverConfig => {
        const production = config.get('env', { infer: true }) === 'production';
        const limits = config.get('limits', { infer: true });
        // Depth, aliases, tokens and directives are capped before execution; suggestions are hidden in production.
        const armor = new ApolloArmor({
          // Introspection counts too: deep __type/ofType chains are a classic way to burn CPU.
          maxDepth: { n: 8, ignoreIntrospection: false, flattenFragments: true },
          maxAliases: { n: 15 },
          maxTokens: { n: 2_000 },
          maxDirectives: { n: 20 },
          costLimit: { enabled: false }, // our own page-aware cost below
          blockFieldSuggestion: { enabled: production },
        }).protect();
        return {
        path: '/graphql',
        autoSchemaFile: config.get('schemaFile', { infer: true }) ?? true,
        sortSchema: true,
        // One parsing rule for every instant a client sends (RFC 3339 with an offset), under the usual name.
        // Every feature's error reasons are published, though no field returns them (errors carry them in extensions.reason).
        buildSchemaOptions: {
          scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
          orphanedTypes: ERROR_REASON_ENUMS.map((reasons) => reasons.values),
        },
        // Ids are UUIDs, text holds no NUL, a null optional argument is an absent one: for every argument at once.
        transformSchema: applyArgumentRules,
        // Guards run on field resolvers too: no field is reachable without the global auth check.
        fieldResolverEnhancers: ['guards'],
        subscriptions: {
          'graphql-ws': {
            // WebSocket results bypass Apollo's formatError and plugins: format them the same way (codes, masking), log the unexpected.
            onNext: (_context, _id, _payload, _args, result) => {
              if (!result.errors) return undefined;
              const errors = result.errors.map((error) => formatGraphqlError(error.toJSON(), error));
              for (const error of result.errors) {
                if (!isClientFacing(error, error.extensions?.code)) logger.error({ err: error.originalError ?? error, subscription: true }, INTERNAL_ERROR_LOG_MESSAGE);
              }
              return { ...result, errors };
            },
          },
        },
        context: (source: HttpContextSource | WsContextSource, reply?: GraphqlContext['reply']): GraphqlContext => ({
          req: 'headers' in source ? source : requestFromConnection(source),
          reply,
          loaders: createRequestLoaders({ events, attendees, rounds }),
        }),
        formatError: formatGraphqlError,
        includeStacktraceInErrorResponses: false,
        allowBatchedHttpRequests: false,
        csrfPrevention: true,
        validationRules: armor.validationRules,
        // Apollo's plugin type is invariant in its context; these plugins do not read the context.
        plugins: [
          ...armor.plugins,
          queryCostPlugin(limits.maxQueryCost),
          internalErrorLogPlugin(logger),
          // Responses carry no HTTP cache hints (they are per user), and the default plugin hooks every field resolved.
          ApolloServerPluginCacheControlDisabled(),
        ] as NonNullable<ApolloDriverConfig['plugins']>,
        introspection: !production,
        graphiql: config.get('env', { infer: true }) === 'development',
        };
      },
    }),
  ],
})
export class PairwiseGraphqlModule {}
