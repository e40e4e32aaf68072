//! How each seed provider delivers: payloads, headers, handler timeout, retry policy.

use crate::catalog::{self, Event, Fill};
use crate::ids;
use clap::ValueEnum;
use hookseal::Scheme;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Provider {
    Saleslab,
    Salesos,
    Salesbooth,
    Salescaling,
}

/// What the sender does after an attempt.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// 2xx: done.
    Delivered,
    /// Try again after this many (unscaled) seconds.
    RetryAfter(u64),
    /// Give up: `dead_letter` (Salesbooth's name for it) or `failed`.
    GiveUp(&'static str),
}

impl Provider {
    pub const ALL: [Provider; 4] = [
        Provider::Saleslab,
        Provider::Salesos,
        Provider::Salesbooth,
        Provider::Salescaling,
    ];

    pub fn scheme(self) -> Scheme {
        match self {
            Provider::Saleslab => Scheme::SalesLab,
            Provider::Salesos => Scheme::SalesOs,
            Provider::Salesbooth => Scheme::Salesbooth,
            Provider::Salescaling => Scheme::Salescaling,
        }
    }

    pub fn id(self) -> &'static str {
        self.scheme().as_str()
    }

    /// The provider's events: the samples of its event schema.
    pub fn events(self) -> impl Iterator<Item = Event> {
        catalog::events(self.scheme())
    }

    /// The event a provider's "send test event" button sends (Salescaling has none: its
    /// commercial signal, whose ids differ between deliveries).
    pub fn test_event(self) -> &'static str {
        match self {
            Provider::Saleslab => "session.scorecard_finalized",
            Provider::Salesos => "deal.won",
            Provider::Salesbooth => "deal.created",
            Provider::Salescaling => "commercial_signal_detected",
        }
    }

    /// How long the provider waits for the handler: SalesLab 8 s, the others 10 s.
    pub fn timeout(self) -> Duration {
        match self {
            Provider::Saleslab => Duration::from_secs(8),
            _ => Duration::from_secs(10),
        }
    }

    /// The retry schedule as documented, in seconds: delays after each failed attempt,
    /// except Salesbooth's, which are offsets from the first attempt (T+5m, T+30m).
    pub fn schedule(self) -> &'static [u64] {
        match self {
            Provider::Saleslab => &[60, 300, 1800, 7200, 28_800],
            Provider::Salesos => &[60, 300, 1800, 7200, 43_200],
            Provider::Salesbooth => &[300, 1800],
            // Seed 001 says "up to 3 retries" and gives no delays: these are assumed.
            Provider::Salescaling => &[60, 300, 1800],
        }
    }

    /// What the provider does after attempt `attempt` (1-based) answered `status`
    /// (`None`: no answer, a timeout or a refused connection), `retry_after` seconds.
    pub fn next(self, attempt: usize, status: Option<u16>, retry_after: Option<u64>) -> Next {
        if matches!(status, Some(200..=299)) {
            return Next::Delivered;
        }
        let schedule = self.schedule();
        let give_up = if self == Provider::Salesbooth {
            "dead_letter"
        } else {
            "failed"
        };
        let retryable = match (self, status) {
            (_, None) => true,
            // SalesLab retries 5xx and network failures; "4xx responses are not retried".
            (Provider::Saleslab, Some(s)) => s >= 500,
            // Salesbooth retries 5xx and 429; other 4xx go to the dead letter at once.
            (Provider::Salesbooth, Some(s)) => s >= 500 || s == 429,
            // SalesOS and Salescaling retry any non-2xx answer.
            (_, Some(_)) => true,
        };
        if !retryable || attempt > schedule.len() {
            return Next::GiveUp(give_up);
        }
        let planned = match self {
            Provider::Salesbooth => {
                let prev = if attempt >= 2 {
                    schedule[attempt - 2]
                } else {
                    0
                };
                schedule[attempt - 1] - prev
            }
            _ => schedule[attempt - 1],
        };
        match (self, status, retry_after) {
            (Provider::Salesbooth, Some(429), Some(after)) => Next::RetryAfter(after),
            _ => Next::RetryAfter(planned),
        }
    }

    /// The body of one `kind` delivery: the whole body, envelope included.
    pub fn body(self, event: &Event, fill: &Fill) -> String {
        fill.body(self.scheme(), event)
    }

    /// The provider's own headers besides the signature: documented ones only. The event
    /// kind and delivery headers are the scheme's (`kind_header`, `delivery_header` of the
    /// core's scheme table), the delivery named by the body's id field when it has one.
    pub fn headers(self, event: &Event, body: &str) -> Vec<(String, String)> {
        let user_agent = match self {
            Provider::Saleslab => "sales-lab-webhooks/1".to_owned(),
            // The other documents name no user-agent.
            _ => format!("hookseal-send ({})", self.id()),
        };
        let mut h = vec![
            ("content-type".to_owned(), "application/json".to_owned()),
            ("user-agent".to_owned(), user_agent),
        ];
        let info = self.scheme().info();
        if let Some(name) = info.kind_header {
            h.push((name.into(), event.kind.into()));
        }
        if let Some(name) = info.delivery_header {
            let delivery_id = info
                .id_field
                .and_then(|field| {
                    let v = serde_json::from_str::<serde_json::Value>(body).ok()?;
                    v[field].as_str().map(str::to_owned)
                })
                .unwrap_or_else(|| format!("{}:{}", event.kind, ids::uuid()));
            h.push((name.into(), delivery_id));
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saleslab_sends_its_event_and_delivery_headers() {
        let event = &Provider::Saleslab.events().next().unwrap();
        let body = format!(r#"{{"event_kind":"{}","delivery_id":"d_1"}}"#, event.kind);
        let h = Provider::Saleslab.headers(event, &body);
        let get = |name: &str| h.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        assert_eq!(get("user-agent"), Some("sales-lab-webhooks/1"));
        assert_eq!(get("x-saleslab-event"), Some(event.kind));
        assert_eq!(get("x-saleslab-delivery-id"), Some("d_1"));
        let h = Provider::Salesos.headers(&Provider::Salesos.events().next().unwrap(), "{}");
        assert_eq!(h.len(), 2, "{h:?}");
    }

    #[test]
    fn saleslab_retries_5xx_not_4xx() {
        let p = Provider::Saleslab;
        assert_eq!(p.next(1, Some(500), None), Next::RetryAfter(60));
        assert_eq!(p.next(5, None, None), Next::RetryAfter(28_800));
        assert_eq!(p.next(6, Some(500), None), Next::GiveUp("failed"));
        assert_eq!(p.next(1, Some(400), None), Next::GiveUp("failed"));
    }

    #[test]
    fn handler_timeouts_follow_the_documents() {
        assert_eq!(Provider::Saleslab.timeout(), Duration::from_secs(8));
        for p in [
            Provider::Salesos,
            Provider::Salesbooth,
            Provider::Salescaling,
        ] {
            assert_eq!(p.timeout(), Duration::from_secs(10));
        }
    }

    #[test]
    fn salesbooth_offsets_and_retry_after() {
        let p = Provider::Salesbooth;
        assert_eq!(p.next(1, Some(503), None), Next::RetryAfter(300));
        assert_eq!(p.next(2, Some(503), None), Next::RetryAfter(1500));
        assert_eq!(p.next(3, Some(503), None), Next::GiveUp("dead_letter"));
        assert_eq!(p.next(1, Some(429), Some(7)), Next::RetryAfter(7));
        assert_eq!(p.next(1, Some(400), None), Next::GiveUp("dead_letter"));
    }
}
