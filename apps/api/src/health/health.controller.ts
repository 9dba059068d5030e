import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';

/** All an anonymous caller learns from a probe. */
export interface Health {
  status: 'ok' | 'unavailable';
}

@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);
  /** Whether the last readiness check failed: the reason is logged when that changes, not at every probe. */
  private down = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Readiness: the database answers too (503 otherwise). Anyone may ask, so the answer says
   * nothing of the internals (the database's address, its error); the log has the reason.
   */
  @Get('ready')
  async ready(): Promise<Health> {
    try {
      await this.health.check([() => this.database.pingCheck('database').withTimeout(1500)]);
    } catch (error) {
      if (!this.down) this.logger.error({ err: error, check: reasonOf(error) }, 'Not ready: the database does not answer');
      this.down = true;
      throw new ServiceUnavailableException({ status: 'unavailable' } satisfies Health);
    }
    if (this.down) this.logger.log('Ready again: the database answers');
    this.down = false;
    return { status: 'ok' };
  }
}

/** What terminus found (its body names each check and its message): for the log only. */
function reasonOf(error: unknown): unknown {
  return error instanceof ServiceUnavailableException ? error.getResponse() : undefined;
}
