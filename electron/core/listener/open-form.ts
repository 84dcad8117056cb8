import { ToolboxError } from '../errors';
import { createLogger } from '../log';
import type { PopResult } from '../../../shared/result';
import type { ListenerOptions } from './options';
import { describePopIds } from './pop-log';
import type { PopOutcome } from './pop-result';

const log = createLogger('listener');

const defaultFix =
  'For this call, open the form with the button below. If opening keeps failing, set ' +
  'listener.popMode to "redirect" in the config file, so forms open in the browser that ' +
  'received the screen pop.';

/**
 * Opens a resolved pop's form with `openExternal` ('open' pop mode). When that fails, returns
 * a failed result that names the reason and offers the complete link as the fallback, and logs
 * the ids and the reason, but neither the link's query (the caller's name and email) nor a
 * stack trace.
 */
export async function openForm(
  result: PopResult,
  openExternal: NonNullable<ListenerOptions['openExternal']>,
): Promise<PopOutcome> {
  const link = result.link;
  if (!link) return { result };

  try {
    await openExternal(link);
    return { result };
  } catch (error) {
    const reason = describeOpenFailure(error);
    log.error(
      `Opening the form in the default browser failed for ${describePopIds(result.params)}: ` +
        `${reason}.`,
    );

    const openerFix = error instanceof ToolboxError ? error.fix : undefined;
    const message =
      'The screen pop was resolved, but opening the form in your default browser failed: ' +
      `${reason}.`;
    const fix = openerFix
      ? `${openerFix} For this call, open the form with the button below.`
      : defaultFix;
    const failed: PopResult = {
      ...result,
      ok: false,
      link: undefined,
      fallbackLink: link,
      error: { code: 'form_open_failed', message, fix },
    };
    return { result: failed };
  }
}

/** Returns the opener's error message without a trailing period, and with no URL query in it. */
function describeOpenFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const withoutQueries = message.replace(/\bhttps?:\/\/[^\s"'<>]+/gi, withoutQuery);
  return withoutQueries.trim().replace(/\.$/, '') || 'the opener gave no reason';
}

/** Keeps a URL's origin and path, and replaces a query or fragment with "?…". */
function withoutQuery(url: string): string {
  if (!URL.canParse(url)) return '(a link)';

  const parsed = new URL(url);
  const hasMore = parsed.search !== '' || parsed.hash !== '';
  return `${parsed.origin}${parsed.pathname}${hasMore ? '?…' : ''}`;
}
