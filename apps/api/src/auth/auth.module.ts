import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SessionsRepository } from './sessions.repository';
import { SignInThrottle } from './sign-in-throttle';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const { jwtSecret } = config.get('auth', { infer: true });
        return {
          // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails, with an
          // exception) to read it as a public key on every verify — a tenth of the API's CPU under load.
          secret: jwtSecret === undefined ? undefined : createSecretKey(Buffer.from(jwtSecret, 'utf8')),
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  providers: [AuthService, SessionsRepository, SignInThrottle, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, SessionsRepository],
})
export class AuthModule {}
