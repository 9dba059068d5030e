import { Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { escapeHtml } from './templates/layout';
import { CATALOGUES, type MailLanguage } from './templates/strings';
import { UnsubscribeService } from './unsubscribe.service';

interface Reply {
  status(code: number): Reply;
  header(name: string, value: string): Reply;
  send(body: string): unknown;
}

/**
 * The link in every message's footer and List-Unsubscribe header. GET only shows a button (mail scanners
 * open links; that must not unsubscribe anyone); POST — the button, or a mail client's one-click request
 * with `List-Unsubscribe=One-Click` (RFC 8058) — unsubscribes.
 */
@Public()
@Controller('mail')
export class UnsubscribeController {
  constructor(private readonly unsubscribeService: UnsubscribeService) {}

  @Get('unsubscribe')
  @Header('cache-control', 'no-store')
  async confirm(@Query('a') attendeeId: unknown, @Query('t') token: unknown, @Res() reply: Reply): Promise<void> {
    const target = await this.unsubscribeService.target(attendeeId, token);
    if (!target) return void page(reply, 400, 'en', CATALOGUES.en.unsubscribePage.invalid);
    const t = CATALOGUES[target.language].unsubscribePage;
    const action = `?a=${encodeURIComponent(String(attendeeId))}&t=${encodeURIComponent(String(token))}`;
    page(reply, 200, target.language, t.confirm(target.eventName, target.email), `<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(t.button)}</button></form>`);
  }

  @Post('unsubscribe')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async unsubscribe(@Query('a') attendeeId: unknown, @Query('t') token: unknown, @Res() reply: Reply): Promise<void> {
    const target = await this.unsubscribeService.target(attendeeId, token);
    if (!target) return void page(reply, 400, 'en', CATALOGUES.en.unsubscribePage.invalid);
    await this.unsubscribeService.unsubscribe(target);
    page(reply, 200, target.language, CATALOGUES[target.language].unsubscribePage.done(target.eventName));
  }
}

function page(reply: Reply, status: number, language: MailLanguage, message: string, extra = ''): void {
  const title = CATALOGUES[language].unsubscribePage.title;
  reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; form-action 'self'")
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:560px;margin:40px auto;padding:0 16px"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${extra}</body></html>`,
    );
}
