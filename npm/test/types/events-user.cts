// hookseal/events through require() (CommonJS), with the .d.cts declarations.
import hookseal = require('hookseal');
import events = require('hookseal/events');

const verified = new hookseal.Verifier('saleslab', { secrets: 'sl_secret' }).verify('{}', {});
const event: events.EventOf<'saleslab'> = verified.event();
if (event.kind === 'badge.awarded') {
  const slug: string = event.payload.badge_slug;
  void slug;
}
const router: events.Router<'saleslab'> = events.createRouter('saleslab').on('session.completed', (e) => void e.payload.session.id);
void router;
const ran: Promise<unknown> = router.dispatch(verified);
void ran;
