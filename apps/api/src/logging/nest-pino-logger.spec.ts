import { Logger } from '@nestjs/common';
import { createAppLogger } from './app-logger';
import { NestPinoLogger } from './nest-pino-logger';

/** A NestPinoLogger writing into an array, and Nest's Logger routed to it as the app does. */
function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const service = new NestPinoLogger(createAppLogger(level, { write: (line: string) => lines.push(JSON.parse(line)) }));
  Logger.overrideLogger(service);
  return { lines, service };
}

describe('NestPinoLogger: Nest log calls as pino JSON lines', () => {
  afterEach(() => Logger.overrideLogger(false as never));

  it('writes a named logger’s object and message as fields, with the logger’s name as context', () => {
    const { lines, service } = capture();
    const failure = new Error('boom');
    service.error({ err: failure, roundId: 'r1' }, 'Round generation failed', 'RoundsService');
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, context: 'RoundsService', roundId: 'r1', msg: 'Round generation failed', err: expect.objectContaining({ message: 'boom', stack: expect.stringContaining('Error: boom') }) }),
    ]);
  });

  it('keeps a plain message, a message with its context, and Nest’s (message, stack, context) form', () => {
    const { lines, service } = capture();
    service.log('Admin account a@b.c is ready', 'AccountsService');
    service.warn('No admin configured');
    service.error('Unhandled', 'Error: Unhandled\n    at somewhere (file.js:1:1)', 'ExceptionsHandler');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'AccountsService', msg: 'Admin account a@b.c is ready' }),
      expect.objectContaining({ level: 40, msg: 'No admin configured' }),
      expect.objectContaining({ level: 50, context: 'ExceptionsHandler', msg: 'Unhandled', stack: expect.stringContaining('at somewhere') }),
    ]);
  });

  it('takes an Error given as the message as `err`', () => {
    const { lines, service } = capture();
    service.error(new Error('lost connection'), 'MeetingNotifier');
    expect(lines[0]).toMatchObject({ context: 'MeetingNotifier', err: { message: 'lost connection' } });
  });

  it('honours the level: nothing below it is written', () => {
    const { lines, service } = capture('warn');
    service.log('quiet');
    service.debug('quieter');
    service.verbose('quietest');
    service.warn('heard');
    expect(lines.map((line) => line.msg)).toEqual(['heard']);
  });

  it('serves Nest’s Logger class, as the application uses it', () => {
    const { lines } = capture();
    new Logger('GraphQL').error({ err: new Error('x') }, 'Unexpected');
    expect(lines[0]).toMatchObject({ level: 50, context: 'GraphQL', msg: 'Unexpected', err: { message: 'x' } });
  });
});
